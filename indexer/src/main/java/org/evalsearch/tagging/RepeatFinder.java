package org.evalsearch.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.evalsearch.index.PassageRecord;

/**
 * Finds passages that nearly repeat another passage of the same evaluation: an executive summary or a separate
 * summary document restating the full report's findings and recommendations. A passage repeats another when at
 * least 40% of its word 4-grams occur in that one or its immediate neighbours (the same text may be split into
 * paragraphs differently in the summary). The full text is the original: passages are read in the order
 * longest document first, then body before (executive) summary sections, then document order, and a passage can
 * only repeat one read before it, so search can show the report's own passage with "also in: executive summary,
 * summary document". Only passages of the same type repeat each other: the server leaves repeats out of results,
 * so a recommendation must not hide behind a finding that a type filter excludes.
 */
public final class RepeatFinder {
    static final int SHINGLE = 4;
    static final int MIN_SHINGLES = 8;
    static final double MIN_CONTAINED = 0.4;
    /** Neighbours of the best match that count too: a paragraph split differently in the other document. */
    static final int WINDOW = 2;
    /** Shingles found in more passages than this are boilerplate (running headers) and are not compared. */
    private static final int MAX_POSTINGS = 40;
    private static final Pattern SUMMARY_SECTION = Pattern.compile("\\b(executive\\s+)?summary\\b|\\babstract\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private RepeatFinder() {}

    /**
     * For the passages of one evaluation (any order, several documents), the id each passage repeats, or null.
     * The result has an entry for every passage.
     */
    public static Map<String, String> find(List<PassageRecord> passages) {
        Map<String, Integer> docSize = new HashMap<>();
        passages.forEach(p -> docSize.merge(p.doc(), 1, Integer::sum));
        List<PassageRecord> ordered = new ArrayList<>(passages);
        ordered.sort(Comparator.<PassageRecord>comparingInt(p -> -docSize.get(p.doc()))
                .thenComparing(PassageRecord::doc)
                .thenComparingInt(p -> inSummary(p) ? 1 : 0)
                .thenComparingInt(PassageRecord::ordinal));

        List<long[]> shingles = new ArrayList<>(ordered.size());
        Map<Long, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            long[] s = shingles(ordered.get(i).text());
            shingles.add(s);
            for (long h : s) {
                postings.computeIfAbsent(h, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, String> out = new HashMap<>();
        String[] root = new String[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            PassageRecord p = ordered.get(i);
            root[i] = p.id();
            out.put(p.id(), null);
            long[] s = shingles.get(i);
            if (s.length < MIN_SHINGLES) {
                continue;
            }
            Map<Integer, Integer> overlap = new HashMap<>();
            for (long h : s) {
                List<Integer> where = postings.get(h);
                if (where.size() > MAX_POSTINGS) {
                    continue;
                }
                for (int j : where) {
                    // a finding restated as a recommendation is two passages to a user who filters by type
                    if (j < i && Objects.equals(ordered.get(j).type(), p.type())) {
                        overlap.merge(j, 1, Integer::sum);
                    }
                }
            }
            int best = -1, bestCount = 0;
            for (Map.Entry<Integer, Integer> e : overlap.entrySet()) {
                if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey() < best) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (best >= 0 && covered(s, i, best, ordered, postings) >= MIN_CONTAINED * s.length) {
                root[i] = root[best];
                out.put(p.id(), root[best]);
            }
        }
        return out;
    }

    /** How many of the shingles occur in the best match or its neighbours in the same document (read before i). */
    private static int covered(long[] shingles, int i, int best, List<PassageRecord> ordered, Map<Long, List<Integer>> postings) {
        PassageRecord b = ordered.get(best);
        int n = 0;
        for (long h : shingles) {
            List<Integer> where = postings.get(h);
            if (where.size() > MAX_POSTINGS) {
                continue;
            }
            for (int j : where) {
                PassageRecord c = ordered.get(j);
                if (j < i && c.doc().equals(b.doc()) && Math.abs(c.ordinal() - b.ordinal()) <= WINDOW) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static boolean inSummary(PassageRecord p) {
        return p.section() != null && SUMMARY_SECTION.matcher(p.section()).find();
    }

    /** Distinct hashes of the text's word 5-grams (lower case, letters and digits only). */
    static long[] shingles(String text) {
        if (text == null) {
            return new long[0];
        }
        String[] words = NON_WORD.split(text.toLowerCase(Locale.ROOT).strip());
        List<String> w = new ArrayList<>(words.length);
        for (String x : words) {
            if (!x.isEmpty()) {
                w.add(x);
            }
        }
        if (w.size() < SHINGLE) {
            return new long[0];
        }
        return java.util.stream.IntStream.rangeClosed(0, w.size() - SHINGLE)
                .mapToLong(i -> hash(w.subList(i, i + SHINGLE)))
                .distinct()
                .toArray();
    }

    private static long hash(List<String> words) {
        long h = 1125899906842597L;
        for (String s : words) {
            for (int i = 0; i < s.length(); i++) {
                h = 31 * h + s.charAt(i);
            }
            h = 31 * h + ' ';
        }
        return h;
    }
}
