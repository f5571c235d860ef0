package org.evalsearch.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evalsearch.structure.Passage;
import org.evalsearch.tagging.PassageTyper.Typed;

/**
 * Links management responses to the recommendations they answer, within one document, by recommendation number:
 * a response answers the closest earlier recommendation with its number (the full chapter rather than the
 * executive summary); every recommendation with that number lists the response. The stance of the responses to one
 * recommendation is the first their wording states (the opening "The Office agrees ..."); the recommendation shows
 * that stance too. A response naming no recommendation keeps the stance of its own wording.
 */
final class ResponseLinks {
    private final Map<Integer, String> respondsTo = new HashMap<>();
    private final Map<Integer, List<String>> responses = new HashMap<>();
    private final Map<Integer, String> stance = new HashMap<>();

    private ResponseLinks() {}

    static ResponseLinks link(String doc, List<Passage> passages, List<Typed> typed, StanceReader reader) {
        ResponseLinks links = new ResponseLinks();
        Map<String, List<Integer>> heads = new HashMap<>();
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < typed.size(); i++) {
            Typed t = typed.get(i);
            if (PassageTyper.RECOMMENDATION.equals(t.type()) && t.head() && t.number() != null) {
                heads.computeIfAbsent(t.number(), k -> new ArrayList<>()).add(i);
            }
            if (t.group() >= 0) {
                members.computeIfAbsent(t.group(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, String> stanceByNumber = new LinkedHashMap<>();
        Map<String, List<Integer>> responsesByNumber = new LinkedHashMap<>();
        for (int i = 0; i < typed.size(); i++) {
            Typed t = typed.get(i);
            if (!PassageTyper.RESPONSE.equals(t.type())) {
                continue;
            }
            String own = reader.stance(passages.get(i).text());
            if (own != null) {
                links.stance.put(i, own);
            }
            if (t.number() == null) {
                continue;
            }
            responsesByNumber.computeIfAbsent(t.number(), k -> new ArrayList<>()).add(i);
            if (own != null) {
                stanceByNumber.putIfAbsent(t.number(), own);
            }
            List<Integer> candidates = heads.getOrDefault(t.number(), List.of());
            int target = -1;
            for (int h : candidates) {
                if (h < i) {
                    target = h;
                }
            }
            if (target < 0 && !candidates.isEmpty()) {
                target = candidates.get(candidates.size() - 1);
            }
            if (target >= 0) {
                links.respondsTo.put(i, passages.get(target).id(doc));
            }
        }
        for (Map.Entry<String, List<Integer>> e : responsesByNumber.entrySet()) {
            String s = stanceByNumber.getOrDefault(e.getKey(), StanceReader.UNKNOWN);
            List<String> ids = e.getValue().stream().map(i -> passages.get(i).id(doc)).toList();
            for (int r : e.getValue()) {
                links.stance.put(r, s);
            }
            for (int h : heads.getOrDefault(e.getKey(), List.of())) {
                links.responses.put(h, ids);
                for (int m : members.getOrDefault(typed.get(h).group(), List.of(h))) {
                    links.stance.put(m, s);
                }
            }
        }
        for (int i = 0; i < typed.size(); i++) {
            if (PassageTyper.RESPONSE.equals(typed.get(i).type())) {
                links.stance.putIfAbsent(i, StanceReader.UNKNOWN);
            }
        }
        return links;
    }

    String respondsTo(int i) {
        return respondsTo.get(i);
    }

    List<String> responses(int i) {
        return responses.getOrDefault(i, List.of());
    }

    String stance(int i) {
        return stance.get(i);
    }
}
