package org.evalsearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.evalsearch.evaluate.RebuiltIndex;
import org.evalsearch.index.Analyzers;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BoostWhereQuery gives every passage exactly the score Lucene's FunctionScoreQuery.boostByQuery gives it (the
 * query parser used that before), nested as the parser nests them (other languages, then lead-ins), and finds the
 * same top passages while skipping some, which FunctionScoreQuery (an infinite maximum score) cannot.
 */
class BoostWhereQueryTest {
    private static final String[] QUERY_WORDS = {"labour", "migration", "policy", "social", "dialogue"};
    private static final String[] OTHER_WORDS = {"workers", "statistics", "employers", "training", "recruitment",
            "fair", "national", "capacity", "office"};
    private static final String FACET_FIELD = Schema.facetsConfig().getDimConfig(Schema.TYPE).indexFieldName;
    private static RebuiltIndex index;
    private static IndexSearcher searcher;

    @BeforeAll
    static void build() throws IOException {
        Random random = new Random(7);
        List<PassageRecord> passages = new ArrayList<>();
        for (int report = 0; report < 12; report++) {
            String doc = "r" + report + ".pdf";
            String language = report % 3 == 0 ? "fr" : "en";
            for (int n = 0; n < 250; n++) {
                StringBuilder text = new StringBuilder();
                if ((report == 1 || report == 2) && n % 25 == 0) {
                    // a few short passages on the query words in two English reports: the best passages; half of
                    // them lead-ins (a short paragraph ending in a colon), which the parser weighs down
                    text.append("migration labour policy migration social dialogue migration labour policy migration")
                            .append(n % 50 == 0 ? ":" : ".");
                } else if (n % 6 == 1) {
                    text.append("The evaluation found the following:");
                } else {
                    // most passages have a query word or two among many others: they match, but rank low
                    int length = 30 + random.nextInt(15);
                    for (int w = 0; w < length; w++) {
                        String[] words = random.nextInt(12) == 0 ? QUERY_WORDS : OTHER_WORDS;
                        text.append(words[random.nextInt(words.length)]).append(' ');
                    }
                }
                String own = text.toString().trim();
                passages.add(new PassageRecord(doc + "#" + n, doc, n, "Evaluation " + report, 2013, "e" + report,
                        "project", language, 1, null, "Findings", "paragraph", "finding", null, null, List.of(), null,
                        null, List.of(), List.of(), List.of(), List.of(), null, Map.of(), List.of(), null, false, own));
            }
        }
        index = new RebuiltIndex(passages, Analyzers.Stemmer.DEFAULT);
        searcher = new IndexSearcher(index.reader());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static Query french() {
        return new TermQuery(DrillDownQuery.term(FACET_FIELD, Schema.LANGUAGE, "fr"));
    }

    private static Query leadIn() {
        return new TermQuery(new Term(Schema.ROLE, Schema.LEAD_IN));
    }

    private static List<Query> queries() {
        return List.of(
                new TermQuery(new Term(Schema.TEXT, indexed("migration"))),
                new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Schema.TEXT, indexed("social"))), Occur.SHOULD)
                        .add(new TermQuery(new Term(Schema.TEXT, indexed("dialogue"))), Occur.SHOULD).build(),
                new PhraseQuery(2, Schema.TEXT, indexed("labour"), indexed("policy")));
    }

    /** A word as the index holds it. */
    private static String indexed(String word) {
        try (TokenStream ts = Schema.analyzer().tokenStream(Schema.TEXT, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            ts.incrementToken();
            String out = term.toString();
            ts.end();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theIndexHasWhatTheTestNeeds() throws IOException {
        assertTrue(searcher.count(french()) > 500);
        assertTrue(searcher.count(leadIn()) > 100);
        for (Query q : queries()) {
            assertTrue(searcher.count(q) > 100, q::toString);
        }
    }

    @Test
    void everyPassageScoresAsWithFunctionScoreQuery() throws IOException {
        for (Query q : queries()) {
            for (float factor : new float[] {0.5f, 0f, 2f}) {
                assertSameScores(FunctionScoreQuery.boostByQuery(q, french(), factor),
                        new BoostWhereQuery(q, french(), factor), q + " x" + factor);
            }
            // as the parser nests them: other languages weighed down, then lead-ins
            Query lucene = FunctionScoreQuery.boostByQuery(FunctionScoreQuery.boostByQuery(q, french(), 0.5f),
                    leadIn(), 0.5f);
            Query ours = new BoostWhereQuery(new BoostWhereQuery(q, french(), 0.5f), leadIn(), 0.5f);
            assertSameScores(lucene, ours, q + " nested");
        }
    }

    @Test
    void topPassagesAreLucenesWhileSkippingPassagesThatCannotReachThem() throws IOException {
        for (Query q : queries()) {
            Query lucene = FunctionScoreQuery.boostByQuery(FunctionScoreQuery.boostByQuery(q, french(), 0.5f),
                    leadIn(), 0.5f);
            Query ours = new BoostWhereQuery(new BoostWhereQuery(q, french(), 0.5f), leadIn(), 0.5f);
            long matches = searcher.count(q);
            for (int k : new int[] {1, 5, 41}) {
                TopDocs expected = top(lucene, k);
                TopDocs actual = top(ours, k);
                assertEquals(expected.scoreDocs.length, actual.scoreDocs.length);
                for (int i = 0; i < expected.scoreDocs.length; i++) {
                    assertEquals(expected.scoreDocs[i].doc, actual.scoreDocs[i].doc, q + " top " + k + " rank " + i);
                    assertEquals(expected.scoreDocs[i].score, actual.scoreDocs[i].score, 0f, q + " rank " + i);
                }
                assertEquals(matches, expected.totalHits.value(), "FunctionScoreQuery scores every match");
            }
            long visited = top(ours, 5).totalHits.value();
            assertTrue(visited < matches, q + ": " + visited + " of " + matches + " passages visited");
        }
    }

    @Test
    void explainsTheScoreItGives() throws IOException {
        Query ours = new BoostWhereQuery(new BoostWhereQuery(queries().get(0), french(), 0.5f), leadIn(), 0.5f);
        for (ScoreDoc sd : top(ours, 20).scoreDocs) {
            assertEquals(sd.score, searcher.explain(ours, sd.doc).getValue().floatValue(), 0f);
        }
    }

    @Test
    void refusesAFactorThatIsNotAFiniteNonNegativeNumber() {
        for (float bad : new float[] {-0.5f, Float.NaN, Float.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new BoostWhereQuery(queries().get(0), french(), bad));
        }
    }

    private static TopDocs top(Query q, int k) throws IOException {
        return searcher.search(q, new TopScoreDocCollectorManager(k, null, k));
    }

    /** Both queries match the same passages with bit-identical scores. */
    private static void assertSameScores(Query expected, Query actual, String what) throws IOException {
        int all = index.reader().maxDoc();
        Map<Integer, Float> want = new HashMap<>();
        for (ScoreDoc sd : searcher.search(expected, all).scoreDocs) {
            want.put(sd.doc, sd.score);
        }
        Map<Integer, Float> got = new HashMap<>();
        for (ScoreDoc sd : searcher.search(actual, all).scoreDocs) {
            got.put(sd.doc, sd.score);
        }
        assertEquals(want, got, what);
    }
}
