package org.evalsearch.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Countries and ILO regions named in a text, from a tab-separated gazetteer: ISO 3166-1 alpha-2 code (or "-" for a
 * region name), ILO region, names separated by ";". Names match case-sensitively on word boundaries, longest
 * first, so "Papua New Guinea" does not also count as "Guinea".
 */
public final class Gazetteer {
    public static final List<String> REGIONS = List.of(
            "Africa", "Americas", "Arab States", "Asia and the Pacific", "Europe and Central Asia");

    private record Place(String code, String region) {}

    /** What a text names: country codes and regions (a country's region included), sorted. */
    public record Places(List<String> countries, List<String> regions) {}

    private final Map<String, Place> byName;
    private final Pattern names;

    private Gazetteer(Map<String, Place> byName) {
        this.byName = byName;
        List<String> sorted = new ArrayList<>(byName.keySet());
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder alt = new StringBuilder();
        for (String n : sorted) {
            alt.append(alt.isEmpty() ? "" : "|").append(Pattern.quote(n));
        }
        this.names = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])");
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
            Matcher m = names.matcher(text.replace('\u2019', '\''));
            while (m.find()) {
                Place p = byName.get(m.group());
                if (p.code() != null) {
                    countries.add(p.code());
                }
                regions.add(p.region());
            }
        }
        return new Places(List.copyOf(countries), List.copyOf(regions));
    }
}
