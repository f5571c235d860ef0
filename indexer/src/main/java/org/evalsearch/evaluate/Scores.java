package org.evalsearch.evaluate;

import java.util.List;

/** Effectiveness of one ranking at a cut-off: nDCG (graded), recall and reciprocal rank of the first relevant hit. */
public record Scores(double ndcg, double recall, double rr) {

    /** The arithmetic mean over queries (so MRR for {@code rr}). */
    public static Scores mean(List<Scores> all) {
        if (all.isEmpty()) {
            return new Scores(0, 0, 0);
        }
        return new Scores(
                all.stream().mapToDouble(Scores::ndcg).average().orElse(0),
                all.stream().mapToDouble(Scores::recall).average().orElse(0),
                all.stream().mapToDouble(Scores::rr).average().orElse(0));
    }
}
