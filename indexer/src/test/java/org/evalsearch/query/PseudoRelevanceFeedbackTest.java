package org.evalsearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.evalsearch.evaluate.RebuiltIndex;
import org.evalsearch.evaluate.StoredPassages;
import org.evalsearch.index.Analyzers;
import org.evalsearch.index.PassageRecord;
import org.junit.jupiter.api.Test;

class PseudoRelevanceFeedbackTest {

    private static PassageRecord passage(int n, String text) {
        return new PassageRecord("r.pdf#" + n, "r.pdf", n, "A report", 2013, "e", "project", "en", 1, null, "Findings",
                "paragraph", "finding", null, null, List.of(), null, null, List.of(), List.of(), List.of(), List.of(), null,
                Map.of(), List.of(), null, false, text);
    }

    @Test
    void feedbackReordersWithoutChangingWhatMatches() throws IOException {
        List<PassageRecord> passages = new java.util.ArrayList<>(List.of(
                passage(0, "Budget execution reached 97 per cent; expenditure lagged in the first year."),
                passage(1, "Budget execution and expenditure were reported each quarter; expenditure lagged."),
                passage(2, "The budget execution rate was low and expenditure lagged behind the plan."),
                passage(3, "Expenditure lagged behind plans and the disbursement rate of the budget was low in the first "
                        + "year of the long programme."),
                passage(4, "The budget was approved."),
                passage(5, "Migrant workers were interviewed in three countries."),
                passage(6, "The project trained labour inspectors."),
                passage(7, "Social dialogue improved.")));
        // other passages, so that the words shared by the budget passages are rare in the collection
        passages.add(passage(40, "Budget execution was slow because expenditure lagged."));
        passages.add(passage(41, "Budget execution improved once expenditure no longer lagged."));
        for (int i = 8; i < 40; i++) {
            passages.add(passage(i, "Constituents in country " + i + " took part in workshop number " + i + " on social dialogue."));
        }
        try (RebuiltIndex index = new RebuiltIndex(passages, Analyzers.Stemmer.DEFAULT)) {
            IndexSearcher searcher = new IndexSearcher(index.reader());
            Query query = new PassageQueryParser().parse("budget execution");
            UnaryOperator<Query> none = q -> q;
            Query expanded = PseudoRelevanceFeedback.expand(searcher, query, none);
            assertNotEquals(query, expanded);
            assertEquals(searcher.count(query), searcher.count(expanded));
            // without feedback the short "budget was approved" outranks the passage on lagging expenditure; with it, not
            List<String> before = ids(index, searcher, query);
            List<String> after = ids(index, searcher, expanded);
            assertTrue(before.indexOf("r.pdf#4") < before.indexOf("r.pdf#3"), before::toString);
            assertTrue(after.indexOf("r.pdf#3") < after.indexOf("r.pdf#4"), after::toString);
            assertSame(MatchAllDocsQuery.class, PseudoRelevanceFeedback.expand(searcher, new MatchAllDocsQuery(), none).getClass());
        }
    }

    private static List<String> ids(RebuiltIndex index, IndexSearcher searcher, Query q) throws IOException {
        return List.of(searcher.search(q, 10).scoreDocs).stream().map(sd -> load(index, sd.doc)).toList();
    }

    private static String load(RebuiltIndex index, int doc) {
        try {
            return StoredPassages.load(index.reader(), doc).id();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
