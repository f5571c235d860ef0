package org.evalsearch.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed query mix of the search benchmarks, the same for the in-process and the HTTP runs: what staff and
 * evaluators do on the search page, weighted roughly as they would do it.
 */
final class QueryMix {

    enum Kind { WORD, PHRASE, TWO_WORDS_FILTERED, BROWSE_FACET, GROUP_BY_REPORT, DEEP_CURSOR, EXPORT_1000 }

    /** Pages of 10 skipped by the deep cursor query. */
    static final int CURSOR_PAGES = 50;
    static final int PAGE_SIZE = 10;
    /** Rows wanted from the export: it is filtered to bundled reports whose passages add up closest to this. */
    static final int EXPORT_ROWS = 1000;

    /**
     * One query of the mix. Filter values are wishes: {@link MixResolver} replaces a value the index does not
     * have with the dimension's most frequent one, so the mix runs on any index (and says what it replaced).
     */
    record Query(Kind kind, String q, Map<String, List<String>> filters) {
        String label() {
            StringBuilder s = new StringBuilder(kind.name().toLowerCase());
            if (!q.isEmpty()) {
                s.append(" q=").append(q);
            }
            filters.forEach((k, v) -> s.append(' ').append(k).append('=').append(String.join("|", v)));
            return s.toString();
        }

        Query withFilters(Map<String, List<String>> f) {
            return new Query(kind, q, f);
        }

        /** The query string of the API call, without cursor (added when resolved). */
        String params() {
            List<String> parts = new ArrayList<>();
            if (!q.isEmpty()) {
                parts.add("q=" + enc(q));
            }
            filters.forEach((k, vs) -> vs.forEach(v -> parts.add(k + "=" + enc(v))));
            return String.join("&", parts);
        }
    }

    static List<Query> queries() {
        List<Query> mix = new ArrayList<>();
        for (String w : List.of("migration", "recruitment", "remittances", "tripartite", "sustainability", "gender")) {
            mix.add(new Query(Kind.WORD, w, Map.of()));
        }
        for (String p : List.of("\"labour migration\"", "\"domestic workers\"", "\"social dialogue\"",
                "\"skills recognition\"")) {
            mix.add(new Query(Kind.PHRASE, p, Map.of()));
        }
        mix.add(new Query(Kind.TWO_WORDS_FILTERED, "migrant workers", filters("type", "recommendation")));
        mix.add(new Query(Kind.TWO_WORDS_FILTERED, "capacity building", filters("year", "2010-2021")));
        mix.add(new Query(Kind.TWO_WORDS_FILTERED, "labour inspection", filters("language", "en")));
        mix.add(new Query(Kind.TWO_WORDS_FILTERED, "social protection", filters("type", "finding")));
        mix.add(new Query(Kind.BROWSE_FACET, "", filters("type", "recommendation")));
        mix.add(new Query(Kind.BROWSE_FACET, "", filters("year", "2013")));
        mix.add(new Query(Kind.BROWSE_FACET, "", filters("language", "fr")));
        mix.add(new Query(Kind.GROUP_BY_REPORT, "migration policy", Map.of()));
        mix.add(new Query(Kind.GROUP_BY_REPORT, "employers", Map.of()));
        mix.add(new Query(Kind.DEEP_CURSOR, "migration", Map.of()));
        mix.add(new Query(Kind.EXPORT_1000, "", Map.of()));
        return mix;
    }

    private static Map<String, List<String>> filters(String name, String value) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(name, List.of(value));
        return m;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
