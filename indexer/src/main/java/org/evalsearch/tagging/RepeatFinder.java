package org.evalsearch.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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

    private RepeatFinder() {}

    /**
     * For the passages of one evaluation (any order, several documents), the id each passage repeats, or null.
     * The result has an entry for every passage.
     */
    public static Map<String, String> find(List<PassageRecord> passages) {
        Map<String, Integer> docSize = new HashMap<>();
        passages.forEach(p -> docSize.merge(p.doc(), 1, Integer::sum));
        Map<PassageRecord, Boolean> summary = new IdentityHashMap<>();
        // passages of a section share its path: each path is read once
        Map<String, Boolean> summarySections = new HashMap<>();
        passages.forEach(p -> summary.put(p, p.section() != null
                && summarySections.computeIfAbsent(p.section(), s -> SUMMARY_SECTION.matcher(s).find())));
        List<PassageRecord> ordered = new ArrayList<>(passages);
        ordered.sort(Comparator.<PassageRecord>comparingInt(p -> -docSize.get(p.doc()))
                .thenComparing(PassageRecord::doc)
                .thenComparingInt(p -> summary.get(p) ? 1 : 0)
                .thenComparingInt(PassageRecord::ordinal));

        int n = ordered.size();
        long[][] shingles = new long[n][];
        for (int i = 0; i < n; i++) {
            shingles[i] = shingles(ordered.get(i).text());
        }
        Postings postings = new Postings(shingles);
        int[] type = codes(ordered, PassageRecord::type);
        int[] doc = codes(ordered, PassageRecord::doc);
        int[] overlap = new int[n];
        int[] touched = new int[n];

        Map<String, String> out = new HashMap<>();
        String[] root = new String[n];
        for (int i = 0; i < n; i++) {
            PassageRecord p = ordered.get(i);
            root[i] = p.id();
            out.put(p.id(), null);
            int[] s = postings.shingleIds[i];
            if (s.length < MIN_SHINGLES) {
                continue;
            }
            int touchedCount = 0;
            for (int h : s) {
                if (postings.size(h) > MAX_POSTINGS) {
                    continue;
                }
                for (int k = postings.start[h]; k < postings.start[h + 1]; k++) {
                    int j = postings.passages[k];
                    // a finding restated as a recommendation is two passages to a user who filters by type
                    if (j < i && type[j] == type[i] && overlap[j]++ == 0) {
                        touched[touchedCount++] = j;
                    }
                }
            }
            int best = -1, bestCount = 0;
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                if (overlap[j] > bestCount || overlap[j] == bestCount && j < best) {
                    best = j;
                    bestCount = overlap[j];
                }
                overlap[j] = 0;
            }
            if (best >= 0 && covered(s, i, best, ordered, doc, postings) >= MIN_CONTAINED * s.length) {
                root[i] = root[best];
                out.put(p.id(), root[best]);
            }
        }
        return out;
    }

    /** How many of the shingles occur in the best match or its neighbours in the same document (read before i). */
    private static int covered(int[] shingles, int i, int best, List<PassageRecord> ordered, int[] doc,
                               Postings postings) {
        int bestOrdinal = ordered.get(best).ordinal();
        int n = 0;
        for (int h : shingles) {
            if (postings.size(h) > MAX_POSTINGS) {
                continue;
            }
            for (int k = postings.start[h]; k < postings.start[h + 1]; k++) {
                int j = postings.passages[k];
                if (j < i && doc[j] == doc[best] && Math.abs(ordered.get(j).ordinal() - bestOrdinal) <= WINDOW) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** A small number per distinct value (null included), so that passages compare by int. */
    private static int[] codes(List<PassageRecord> passages, Function<PassageRecord, String> value) {
        Map<String, Integer> code = new HashMap<>();
        int[] out = new int[passages.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = code.computeIfAbsent(value.apply(passages.get(i)), k -> code.size());
        }
        return out;
    }

    /**
     * Which passages hold each shingle, in passage order, in flat arrays: shingles are numbered as first seen
     * ({@code shingleIds}), and the passages of shingle h are {@code passages[start[h] .. start[h + 1])}.
     */
    private static final class Postings {
        final int[][] shingleIds;
        final int[] start;
        final int[] passages;

        Postings(long[][] shingles) {
            int total = 0;
            for (long[] s : shingles) {
                total += s.length;
            }
            ShingleIds ids = new ShingleIds(total);
            shingleIds = new int[shingles.length][];
            for (int i = 0; i < shingles.length; i++) {
                shingleIds[i] = new int[shingles[i].length];
                for (int k = 0; k < shingles[i].length; k++) {
                    shingleIds[i][k] = ids.idOf(shingles[i][k]);
                }
            }
            int distinct = ids.size();
            start = new int[distinct + 1];
            for (int[] s : shingleIds) {
                for (int h : s) {
                    start[h + 1]++;
                }
            }
            for (int h = 0; h < distinct; h++) {
                start[h + 1] += start[h];
            }
            passages = new int[start[distinct]];
            int[] next = Arrays.copyOf(start, distinct);
            for (int i = 0; i < shingleIds.length; i++) {
                for (int h : shingleIds[i]) {
                    passages[next[h]++] = i;
                }
            }
        }

        int size(int h) {
            return start[h + 1] - start[h];
        }
    }

    /**
     * Numbers shingle hashes as first seen, in an open-addressing table of primitives: an evaluation has hundreds of
     * thousands of shingles, and a map of boxed longs was most of the cost of numbering them.
     */
    private static final class ShingleIds {
        private final long[] keys;
        private final int[] ids;
        private final int mask;
        private int size;

        ShingleIds(int capacity) {
            int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
            keys = new long[slots];
            ids = new int[slots];
            Arrays.fill(ids, -1);
            mask = slots - 1;
        }

        int idOf(long key) {
            int slot = (int) (key * 0x9E3779B97F4A7C15L >>> 32) & mask;
            while (ids[slot] >= 0) {
                if (keys[slot] == key) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = size;
            return size++;
        }

        int size() {
            return size;
        }
    }

    /**
     * Distinct hashes of the text's word 4-grams (lower case, words are runs of letters and digits), in ascending
     * order. Each 4-gram's hash is computed from the characters in place, without building the words.
     */
    static long[] shingles(String text) {
        if (text == null) {
            return new long[0];
        }
        String t = text.toLowerCase(Locale.ROOT);
        int[] starts = new int[16];
        int[] ends = new int[16];
        int words = 0;
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            if (!WordChars.isLetterOrNumber(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < t.length() && WordChars.isLetterOrNumber(c = t.codePointAt(i))) {
                i += Character.charCount(c);
            }
            if (words == starts.length) {
                starts = Arrays.copyOf(starts, words * 2);
                ends = Arrays.copyOf(ends, words * 2);
            }
            starts[words] = start;
            ends[words] = i;
            words++;
        }
        if (words < SHINGLE) {
            return new long[0];
        }
        long[] out = new long[words - SHINGLE + 1];
        for (int w = 0; w < out.length; w++) {
            long h = 1125899906842597L;
            for (int k = w; k < w + SHINGLE; k++) {
                for (int i = starts[k]; i < ends[k]; i++) {
                    h = 31 * h + t.charAt(i);
                }
                h = 31 * h + ' ';
            }
            out[w] = h;
        }
        Arrays.sort(out);
        int distinct = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }
}
