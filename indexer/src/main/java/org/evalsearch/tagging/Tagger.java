package org.evalsearch.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.structure.Passage;
import org.evalsearch.tagging.PassageTyper.Typed;

/** Tags the passages of one report: type, numbers, responses, themes, criteria and places. Thread-safe. */
public final class Tagger {
    /**
     * Criteria mark what a passage judges a programme on. Background, methods and the Office's answers to
     * recommendations name the criteria without judging anything, so they get none.
     */
    private static final Set<String> NOT_EVIDENCE = Set.of("other", "management_response");
    private final PassageTyper typer;
    private final ThemeMatcher themes;
    private final CriteriaTagger criteria;
    private final Gazetteer gazetteer;
    private final StanceReader stance;

    public Tagger() {
        this(TaggingData.defaults());
    }

    public Tagger(TaggingData data) {
        this.typer = new PassageTyper(data.cues());
        this.themes = new ThemeMatcher(data.taxonomy());
        this.criteria = new CriteriaTagger(data.cues());
        this.gazetteer = data.gazetteer();
        this.stance = new StanceReader(data.cues());
    }

    public List<TaggedPassage> tag(ReportMeta meta, List<Passage> passages) {
        int n = passages.size();
        List<CueText> cueTexts = new ArrayList<>(n);
        for (Passage p : passages) {
            cueTexts.add(CueText.of(p.text() == null ? "" : p.text()));
        }
        List<Typed> typed = typer.type(passages, cueTexts);
        List<Set<String>> themeSets = new ArrayList<>(n);
        List<Set<String>> criterionSets = new ArrayList<>(n);
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Passage p = passages.get(i);
            Typed t = typed.get(i);
            boolean silent = p.kind() == Passage.Kind.FOOTNOTE;
            String text = cueTexts.get(i).text();
            themeSets.add(new LinkedHashSet<>(silent ? List.of() : themes.score(text).stream().map(ThemeMatcher.ThemeScore::theme).toList()));
            criterionSets.add(new LinkedHashSet<>(silent || NOT_EVIDENCE.contains(t.type()) ? List.of() : criteria.criteria(t.type(), t.headings(), cueTexts.get(i))));
            if (t.group() >= 0) {
                groups.computeIfAbsent(t.group(), k -> new ArrayList<>()).add(i);
            }
        }
        // A recommendation's sub-points and explanation share its themes and criteria.
        Map<Integer, Map<String, String>> details = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
            Set<String> th = new LinkedHashSet<>();
            Set<String> cr = new LinkedHashSet<>();
            List<String> texts = new ArrayList<>();
            for (int i : g.getValue()) {
                th.addAll(themeSets.get(i));
                cr.addAll(criterionSets.get(i));
                texts.add(passages.get(i).text());
            }
            for (int i : g.getValue()) {
                themeSets.set(i, th);
                criterionSets.set(i, cr);
            }
            details.put(g.getKey(), RecommendationDetails.read(texts));
        }
        ResponseLinks links = ResponseLinks.link(meta.doc(), passages, typed, stance);

        List<TaggedPassage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Passage p = passages.get(i);
            Typed t = typed.get(i);
            Gazetteer.Places places = gazetteer.find(p.text());
            out.add(new TaggedPassage(p, t.type(), t.number(), links.respondsTo(i), links.responses(i), links.stance(i),
                    null, List.copyOf(themeSets.get(i)), CriteriaTagger.CRITERIA.stream().filter(criterionSets.get(i)::contains).toList(),
                    places.countries(), places.regions(), t.group() >= 0 ? details.get(t.group()) : Map.of()));
        }
        return out;
    }
}
