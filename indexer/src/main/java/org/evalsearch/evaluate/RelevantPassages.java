package org.evalsearch.evaluate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.evalsearch.index.PassageRecord;

/**
 * The judged passages of one query and how a ranked list of hits scores against them. Matching follows
 * {@code score_retrieval.py} exactly so that both report the same figures: a hit is relevant when its report is
 * one of the judged ones and its text contains the quote, both compared as lower-case letters only; the same
 * words judged in several places (a summary repeating its report) are one passage, found in any of them, and
 * count once.
 */
public final class RelevantPassages {
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");
    private static final int KEY_LENGTH = 80;

    private record Passage(String key, Set<String> docs, int grade) {}

    private final List<Passage> passages;

    public RelevantPassages(List<JudgedQuery.Judgement> judgements) {
        Map<String, Passage> byKey = new LinkedHashMap<>();
        for (JudgedQuery.Judgement j : judgements) {
            String norm = normalise(j.quote());
            String key = norm.substring(0, Math.min(KEY_LENGTH, norm.length()));
            Passage p = byKey.computeIfAbsent(key, k -> new Passage(k, new HashSet<>(), 0));
            p.docs().add(j.doc());
            byKey.put(key, new Passage(key, p.docs(), Math.max(p.grade(), j.grade())));
        }
        passages = List.copyOf(byKey.values());
    }

    /** Lower-case letters only, after NFKC and without HTML tags: what the scorer compares. */
    public static String normalise(String s) {
        String text = Normalizer.normalize(TAG.matcher(s == null ? "" : s).replaceAll(" "), Normalizer.Form.NFKC);
        return NOT_LETTER.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    public int size() {
        return passages.size();
    }

    /** The grade of the best judged passage {@code hit} contains, or 0 (ignoring that it may have been found already). */
    public int gradeOf(PassageRecord hit) {
        String text = normalise(hit.text());
        return passages.stream().filter(p -> p.docs().contains(hit.doc()) && text.contains(p.key()))
                .mapToInt(Passage::grade).max().orElse(0);
    }

    /** nDCG, recall and reciprocal rank of the first {@code k} hits. */
    public Scores score(List<PassageRecord> hits, int k) {
        Set<String> found = new HashSet<>();
        List<Integer> gains = new ArrayList<>();
        double rr = 0;
        for (int rank = 1; rank <= Math.min(k, hits.size()); rank++) {
            PassageRecord hit = hits.get(rank - 1);
            String text = normalise(hit.text());
            int gain = 0;
            for (Passage p : passages) {
                if (!found.contains(p.key()) && p.docs().contains(hit.doc()) && text.contains(p.key())) {
                    found.add(p.key());
                    gain = Math.max(gain, p.grade());
                }
            }
            gains.add(gain);
            if (gain > 0 && rr == 0) {
                rr = 1.0 / rank;
            }
        }
        double idcg = dcg(passages.stream().map(Passage::grade).sorted(Comparator.reverseOrder()).limit(k).toList());
        double ndcg = idcg > 0 ? dcg(gains) / idcg : 0;
        double recall = passages.isEmpty() ? 0 : (double) found.size() / passages.size();
        return new Scores(ndcg, recall, rr);
    }

    private static double dcg(List<Integer> gains) {
        double sum = 0;
        for (int i = 0; i < gains.size(); i++) {
            sum += (Math.pow(2, gains.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }
}
