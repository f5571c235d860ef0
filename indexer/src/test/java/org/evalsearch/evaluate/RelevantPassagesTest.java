package org.evalsearch.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.evalsearch.index.PassageRecord;
import org.junit.jupiter.api.Test;

class RelevantPassagesTest {

    private static PassageRecord hit(String doc, String text) {
        return new PassageRecord(doc + "#1", doc, 1, "t", 2013, null, null, "en", 1, null, "", "paragraph", "other",
                null, null, List.of(), null, null, List.of(), List.of(), List.of(), List.of(), null, Map.of(),
                List.of(), null, false, text);
    }

    @Test
    void matchesQuotesAsLettersOnlyAndCountsRepeatedWordsOnce() {
        RelevantPassages rel = new RelevantPassages(List.of(
                new JudgedQuery.Judgement("a.pdf", "The ILO should  strengthen, its work", 2, 1),
                new JudgedQuery.Judgement("b.pdf", "The ILO should strengthen its work", 2, 1),
                new JudgedQuery.Judgement("a.pdf", "Lack of data", 1, 1)));
        assertEquals(2, rel.size());
        Scores s = rel.score(List.of(
                hit("c.pdf", "The ILO should strengthen its work"),         // right words, wrong report
                hit("b.pdf", "3. The ILO should\nstrengthen its work.</mark>"),
                hit("a.pdf", "The ILO should strengthen its work"),          // the same passage again: no gain
                hit("a.pdf", "A lack of DATA")), 10);
        double dcg = 3 / log2(3) + 1 / log2(5);
        double ideal = 3 / log2(2) + 1 / log2(3);
        assertEquals(dcg / ideal, s.ndcg(), 1e-9);
        assertEquals(1.0, s.recall(), 1e-9);
        assertEquals(0.5, s.rr(), 1e-9);
    }

    @Test
    void onlyTheFirstKHitsCount() {
        RelevantPassages rel = new RelevantPassages(List.of(new JudgedQuery.Judgement("a.pdf", "needle", 1, 1)));
        Scores s = rel.score(List.of(hit("a.pdf", "hay"), hit("a.pdf", "needle")), 1);
        assertEquals(0, s.ndcg());
        assertEquals(0, s.rr());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
