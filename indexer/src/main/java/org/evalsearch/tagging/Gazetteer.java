package org.evalsearch.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.evalsearch.vocabulary.TrieBranches;

/**
 * Countries and ILO regions named in a text, from a tab-separated gazetteer: ISO 3166-1 alpha-2 code (or "-" for a
 * region name), ILO region, names separated by ";". Names match case-sensitively on word boundaries, longest
 * first, so "Papua New Guinea" does not also count as "Guinea". The names are held in a character trie walked
 * from each word start, one pass over the text whatever the size of the gazetteer.
 */
public final class Gazetteer {
    public static final List<String> REGIONS = List.of(
            "Africa", "Americas", "Arab States", "Asia and the Pacific", "Europe and Central Asia");

    private record Place(String code, String region) {}

    /** What a text names: country codes and regions (a country's region included), sorted. */
    public record Places(List<String> countries, List<String> regions) {}

    /** A trie node: the place whose name ends here, if any, and the nodes for the next character. */
    private static final class Node {
        final TrieBranches<Node> next = new TrieBranches<>();
        Place place;
    }

    /** A name found in a text: where it ends and the place it names. */
    private record Match(int end, Place place) {}

    private final Node names = new Node();

    private Gazetteer(Map<String, Place> byName) {
        byName.forEach((name, place) -> {
            Node n = names;
            for (int i = 0; i < name.length(); i++) {
                n = n.next.getOrAdd(name.charAt(i), Node::new);
            }
            n.place = place;
        });
    }

    public static Gazetteer parse(Reader source, String name) throws IOException {
        Map<String, Place> byName = new HashMap<>();
        BufferedReader in = new BufferedReader(source);
        int lineNo = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 3 || !REGIONS.contains(cols[1].strip())) {
                throw new IllegalArgumentException(name + ":" + lineNo
                        + ": expected 'code<TAB>region<TAB>names' with region one of " + REGIONS);
            }
            String code = cols[0].strip();
            Place p = new Place(code.equals("-") ? null : code, cols[1].strip());
            for (String n : cols[2].split(";")) {
                if (!n.isBlank()) {
                    byName.put(n.strip(), p);
                }
            }
        }
        return new Gazetteer(byName);
    }

    public Places find(String text) {
        Set<String> countries = new TreeSet<>();
        Set<String> regions = new TreeSet<>();
        if (text != null) {
            String t = text.replace('\u2019', '\'');
            int i = 0;
            while (i < t.length()) {
                if (i > 0 && WordChars.isLetterOrNumber(Character.codePointBefore(t, i))) {
                    i++;
                    continue;
                }
                Match m = longestNameAt(t, i);
                if (m == null) {
                    i++;
                    continue;
                }
                if (m.place().code() != null) {
                    countries.add(m.place().code());
                }
                regions.add(m.place().region());
                i = m.end();
            }
        }
        return new Places(List.copyOf(countries), List.copyOf(regions));
    }

    /** The longest name starting at {@code start} and ending on a word boundary, or null. */
    private Match longestNameAt(String t, int start) {
        Match found = null;
        Node n = names;
        for (int i = start; i < t.length() && (n = n.next.get(t.charAt(i))) != null; i++) {
            if (n.place != null && (i + 1 == t.length() || !WordChars.isLetterOrNumber(t.codePointAt(i + 1)))) {
                found = new Match(i + 1, n.place);
            }
        }
        return found;
    }
}
