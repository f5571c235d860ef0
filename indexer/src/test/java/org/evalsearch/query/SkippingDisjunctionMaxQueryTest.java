package org.evalsearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.document.KeywordField;
import org.evalsearch.evaluate.RebuiltIndex;
import org.evalsearch.index.Analyzers;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The skipping disjunction finds the same top passages with the same scores as Lucene's DisjunctionMaxQuery,
 * while visiting fewer passages: here, as in the reports, every passage of a report carries the report's title,
 * so a word of the title matches every one of its passages, while few have it in their text.
 */
class SkippingDisjunctionMaxQueryTest {
    private static final String[] WORDS = {"labour", "migration", "policy", "workers", "social", "dialogue",
            "statistics", "employers", "training", "recruitment", "fair", "national", "capacity", "building",
            "inspection", "protection", "gender", "evaluation", "project", "office"};
    private static final Sort RELEVANCE_THEN_ID = new Sort(SortField.FIELD_SCORE,
            KeywordField.newSortField(Schema.ID, false, SortedSetSelector.Type.MIN));
    private static final Analyzer ANALYZER = Schema.analyzer();
    private static RebuiltIndex index;
    private static IndexSearcher searcher;

    @BeforeAll
    static void build() throws IOException {
        Random random = new Random(42);
        List<PassageRecord> passages = new ArrayList<>();
        for (int report = 0; report < 12; report++) {
            String doc = "r" + report + ".pdf";
            String title = report % 2 == 0 ? "Evaluation of labour migration policy " + report : "Evaluation of project " + report;
            for (int n = 0; n < 250; n++) {
                StringBuilder text = new StringBuilder();
                int length = 5 + random.nextInt(40);
                for (int w = 0; w < length; w++) {
                    // "migration" is rare in the text and common in the titles
                    String word = WORDS[random.nextInt(WORDS.length)];
                    text.append(word.equals("migration") && random.nextInt(8) != 0 ? "office" : word).append(' ');
                }
                String section = random.nextInt(10) == 0 ? "Labour migration findings" : "Findings";
                passages.add(new PassageRecord(doc + "#" + n, doc, n, title, 2013, "e" + report, "project", "en", 1,
                        null, section, "paragraph", "finding", null, null, List.of(), null, null, List.of(), List.of(),
                        List.of(), List.of(), null, Map.of(), List.of(), null, false, text.toString().trim()));
            }
        }
        index = new RebuiltIndex(passages, Analyzers.Stemmer.DEFAULT);
        searcher = new IndexSearcher(index.reader());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    /** The best field counting fully and the others for 0.3 of their score, as the query parser weighs them. */
    private static DisjunctionMaxQuery allFields(java.util.function.Function<String, Query> perField) {
        return new DisjunctionMaxQuery(List.of(
                new BoostQuery(perField.apply(Schema.TEXT), 1.0f),
                new BoostQuery(perField.apply(Schema.SECTION), 0.5f),
                new BoostQuery(perField.apply(Schema.TITLE), 0.2f)), 0.3f);
    }

    private static List<DisjunctionMaxQuery> queries() {
        return List.of(
                allFields(f -> new TermQuery(new Term(f, indexed("migration")))),
                allFields(f -> new TermQuery(new Term(f, indexed("workers")))),
                allFields(f -> new PhraseQuery(f, indexed("labour"), indexed("migration"))),
                allFields(f -> new PhraseQuery(2, f, indexed("social"), indexed("dialogue"))));
    }

    /** A word as the index holds it. */
    private static String indexed(String word) {
        try (TokenStream ts = ANALYZER.tokenStream(Schema.TEXT, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            ts.incrementToken();
            String out = term.toString();
            ts.end();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void sameTopPassagesAndScoresAsLucene() throws IOException {
        for (DisjunctionMaxQuery plain : queries()) {
            Query skipping = new SkippingDisjunctionMaxQuery(plain);
            for (int k : new int[] {1, 5, 41}) {
                assertSameHits(top(plain, k), top(skipping, k), plain + " top " + k);
                assertSameHits(topById(plain, k, null), topById(skipping, k, null), plain + " by score and id " + k);
            }
            // paging after a tied score, as the server's cursor does
            FieldDoc after = (FieldDoc) topById(plain, 41, null).scoreDocs[40];
            assertSameHits(topById(plain, 41, after), topById(skipping, 41, after), plain + " after a cursor");
            // within a larger query: repeats left out, as the server folds them
            Query folded = new BooleanQuery.Builder().add(skipping, Occur.MUST)
                    .add(new TermQuery(new Term(Schema.TEXT, indexed("office"))), Occur.MUST_NOT).build();
            Query plainFolded = new BooleanQuery.Builder().add(plain, Occur.MUST)
                    .add(new TermQuery(new Term(Schema.TEXT, indexed("office"))), Occur.MUST_NOT).build();
            assertSameHits(top(plainFolded, 10), top(folded, 10), plain + " folded");
            // under a parent disjunction that passes block bounds and minimum scores down to it
            Query other = new TermQuery(new Term(Schema.TEXT, indexed("evaluation")));
            assertSameHits(top(new DisjunctionMaxQuery(List.of(plain, other), 0f), 10),
                    top(new DisjunctionMaxQuery(List.of(skipping, other), 0f), 10), plain + " nested");
        }
    }

    @Test
    void aTitleWordDoesNotMakeEveryPassageScored() throws IOException {
        DisjunctionMaxQuery plain = queries().get(0);
        long matches = searcher.count(plain);
        long plainVisited = top(plain, 5).totalHits.value();
        long skippingVisited = top(new SkippingDisjunctionMaxQuery(plain), 5).totalHits.value();
        assertEquals(matches, plainVisited, "Lucene scores every match of a disjunction with a tie breaker");
        assertTrue(skippingVisited * 4 < matches, skippingVisited + " of " + matches + " passages visited");
    }

    private static TopDocs top(Query q, int k) throws IOException {
        return searcher.search(q, new TopScoreDocCollectorManager(k, null, k));
    }

    private static TopDocs topById(Query q, int k, FieldDoc after) throws IOException {
        return searcher.search(q, new TopFieldCollectorManager(RELEVANCE_THEN_ID, k, after, k));
    }

    private static void assertSameHits(TopDocs expected, TopDocs actual, String what) {
        assertEquals(expected.scoreDocs.length, actual.scoreDocs.length, what);
        for (int i = 0; i < expected.scoreDocs.length; i++) {
            ScoreDoc e = expected.scoreDocs[i];
            ScoreDoc a = actual.scoreDocs[i];
            assertEquals(e.doc, a.doc, what + " rank " + i);
            if (e instanceof FieldDoc ef) {
                assertEquals(List.of(ef.fields), List.of(((FieldDoc) a).fields), what + " rank " + i);
            } else {
                assertEquals(e.score, a.score, 0f, what + " rank " + i);
            }
        }
    }
}
