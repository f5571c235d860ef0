package org.evalsearch.tagging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the small table many reports put after each recommendation: responsible units, priority, time
 * implication, resource implication. Handles a header row followed by a value row ("Responsible unit Priority
 * Time implication Resource implication" / "MIGRANT, PARDEV High Medium-term Medium") and labelled lines
 * ("Priority: High"). Keys: responsible, priority, time, resources.
 */
final class RecommendationDetails {
    private static final Pattern HEADER = Pattern.compile(
            "responsib\\w*(?:\\s+(?:units?|offices?|departments?|entit(?:y|ies)|parties))?\\s*[|:\\t]?\\s*priority\\s*[|:\\t]?\\s*"
                    + "(?:time(?:\\s+(?:implications?|frame|line))?|timing|timeframe)\\s*[|:\\t]?\\s*"
                    + "(?:resources?(?:\\s+(?:implications?|requirements?|needed))?)",
            Pattern.CASE_INSENSITIVE);
    private static final String LEVEL = "(?:very\\s+high|high|medium|moderate|low|none|minimal|significant|no\\s+additional|"
            + "within\\s+existing(?:\\s+resources)?|existing\\s+resources)";
    private static final String TIME = "(?:(?:short|medium|long)[- ]?term|immediate(?:ly)?|ongoing|on-going|continuous|"
            + "\\d{4}(?:[-–]\\d{2,4})?|(?:within\\s+)?\\d+\\s+(?:months?|years?))";
    private static final Pattern ROW = Pattern.compile(
            "^(.*?)[\\s|]+(" + LEVEL + ")[\\s|]+(" + TIME + ")[\\s|]+(" + LEVEL + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Pattern> LABELLED = labelled();

    private RecommendationDetails() {}

    /** Details found in the texts of one recommendation's passages, in order; empty when the report gives none. */
    static Map<String, String> read(List<String> texts) {
        String all = String.join("\n", texts);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher h = HEADER.matcher(all);
        if (h.find()) {
            String rest = all.substring(h.end()).replaceAll("\\s+", " ").strip();
            Matcher row = ROW.matcher(rest);
            if (row.find()) {
                put(out, "responsible", row.group(1));
                put(out, "priority", row.group(2));
                put(out, "time", row.group(3));
                put(out, "resources", row.group(4));
                return out;
            }
        }
        for (Map.Entry<String, Pattern> e : LABELLED.entrySet()) {
            Matcher m = e.getValue().matcher(all);
            if (m.find()) {
                put(out, e.getKey(), m.group(1));
            }
        }
        return out.containsKey("priority") || out.containsKey("responsible") && out.size() > 1 ? out : Map.of();
    }

    private static void put(Map<String, String> out, String key, String value) {
        String v = value.replaceAll("[\\s|]+", " ").strip();
        if (!v.isEmpty()) {
            out.put(key, key.equals("responsible") ? v : capitalise(v.toLowerCase()));
        }
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Map<String, Pattern> labelled() {
        Map<String, Pattern> m = new LinkedHashMap<>();
        int f = Pattern.CASE_INSENSITIVE;
        m.put("responsible", Pattern.compile("\\bresponsib\\w*(?:\\s+(?:units?|offices?|departments?|entit(?:y|ies)))?\\s*[:–-]\\s*([^\\n]{2,200})", f));
        m.put("priority", Pattern.compile("\\bpriority(?:\\s+level)?\\s*[:–-]\\s*(" + LEVEL + ")", f));
        m.put("time", Pattern.compile("\\btime(?:\\s+(?:implications?|frame|line))?\\s*[:–-]\\s*(" + TIME + ")", f));
        m.put("resources", Pattern.compile("\\bresources?(?:\\s+implications?)?\\s*[:–-]\\s*(" + LEVEL + ")", f));
        return m;
    }
}
