package org.evalsearch.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.evalsearch.index.Analyzers;
import org.evalsearch.index.Schema;

/**
 * Pseudo-relevance feedback (in the spirit of RM3): the words that characterise the first few passages a query
 * finds (the query's own words among them, as RM3 keeps them in its feedback model) are added to it with a small
 * weight, so that passages about the same thing in other words rise (a case
 * study's "budget execution" row for a query on "cost-efficient use of resources"). The original query still
 * decides what matches; the added words only reorder, so totals and facet counts do not change. Snippets should be
 * highlighted with the original query.
 */
public final class PseudoRelevanceFeedback {
    static final int FEEDBACK_PASSAGES = 5;
    static final int FEEDBACK_TERMS = 10;
    /** Weight of the strongest added word relative to a query word. */
    static final float WEIGHT = 0.5f;
    private static final Set<String> RECORD_ONLY = Set.of(Schema.RECORD);
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final Analyzer ENGLISH = Analyzers.english();
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> TEXT_FIELDS = Set.of(Schema.TEXT, Schema.TEXT_FR, Schema.TEXT_ES);

    private PseudoRelevanceFeedback() {}

    /**
     * {@code query} with feedback words from its best passages under {@code restrict} (the request's filters and
     * folding), or {@code query} itself when it matches everything or nothing.
     */
    public static Query expand(IndexSearcher searcher, Query query, UnaryOperator<Query> restrict) throws IOException {
        if (query instanceof MatchAllDocsQuery) {
            return query;
        }
        // counting stops at the passages wanted, so that the search skips those that cannot be among them
        ScoreDoc[] top = searcher.search(restrict.apply(query),
                new TopScoreDocCollectorManager(FEEDBACK_PASSAGES, null, FEEDBACK_PASSAGES)).scoreDocs;
        if (top.length == 0 || top[0].score <= 0) {
            return query;
        }
        IndexReader reader = searcher.getIndexReader();
        int passages = Math.max(1, reader.numDocs());
        List<Map<String, Integer>> tfs = new ArrayList<>(top.length);
        int[] lengths = new int[top.length];
        StoredFields stored = reader.storedFields();
        for (int i = 0; i < top.length; i++) {
            String text = textOf(stored.document(top[i].doc, RECORD_ONLY).get(Schema.RECORD));
            Map<String, Integer> tf = new HashMap<>();
            lengths[i] = termFrequencies(text, tf);
            tfs.add(tf);
        }
        Map<String, Integer> docFreqs = docFreqs(reader, tfs);
        Map<String, Double> weights = new HashMap<>();
        for (int i = 0; i < top.length; i++) {
            double rank = top[i].score / top[0].score;
            for (Map.Entry<String, Integer> e : tfs.get(i).entrySet()) {
                double idf = Math.log((double) passages / (docFreqs.get(e.getKey()) + 1));
                weights.merge(e.getKey(), (double) e.getValue() / lengths[i] * idf * rank, Double::sum);
            }
        }
        List<Map.Entry<String, Double>> best = weights.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(FEEDBACK_TERMS).toList();
        if (best.isEmpty()) {
            return query;
        }
        Query textMatch = textMatch(query);
        if (textMatch == null) {
            return query;
        }
        double max = best.get(0).getValue();
        // feedback counts only for passages whose own text has a query word: a passage found through the
        // report title alone must not climb on words it shares with the best passages
        BooleanQuery.Builder feedback = new BooleanQuery.Builder().add(textMatch, BooleanClause.Occur.FILTER);
        for (Map.Entry<String, Double> e : best) {
            feedback.add(new BoostQuery(new TermQuery(new Term(Schema.TEXT, e.getKey())), (float) (WEIGHT * e.getValue() / max)),
                    BooleanClause.Occur.SHOULD);
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(feedback.build(), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** The {@code text} of a stored passage record, read without building the whole record. */
    private static String textOf(String recordJson) throws IOException {
        try (JsonParser p = JSON.createParser(recordJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a stored passage record is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("text")) {
                    return value == JsonToken.VALUE_NULL ? null : p.getText();
                }
                p.skipChildren();
            }
            return null;
        }
    }

    /**
     * The passage frequency in {@link Schema#TEXT} of every word of the feedback passages (as
     * {@link IndexReader#docFreq}), each word looked up once, in term order, with one terms enum per segment:
     * looking each word of each passage up across all segments anew was most of the cost of a query with
     * few matches.
     */
    private static Map<String, Integer> docFreqs(IndexReader reader, List<Map<String, Integer>> tfs) throws IOException {
        TreeMap<BytesRef, String> words = new TreeMap<>();
        for (Map<String, Integer> tf : tfs) {
            for (String w : tf.keySet()) {
                words.computeIfAbsent(new BytesRef(w), b -> w);
            }
        }
        Map<String, Integer> out = new HashMap<>();
        words.values().forEach(w -> out.put(w, 0));
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(Schema.TEXT);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            for (Map.Entry<BytesRef, String> w : words.entrySet()) {
                if (te.seekExact(w.getKey())) {
                    out.merge(w.getValue(), te.docFreq(), Integer::sum);
                }
            }
        }
        return out;
    }

    /** Any of the query's words in the passage text fields, or null when it has none there. */
    private static Query textMatch(Query query) {
        Set<Term> terms = new HashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int n = 0;
        for (Term t : terms) {
            if (TEXT_FIELDS.contains(t.field()) && n < IndexSearcher.getMaxClauseCount() / 2) {
                any.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
                n++;
            }
        }
        return n == 0 ? null : any.build();
    }

    /** Counts the content words of {@code text} (no stop words, numbers or words under three letters). */
    private static int termFrequencies(String text, Map<String, Integer> tf) throws IOException {
        int length = 0;
        try (TokenStream ts = ENGLISH.tokenStream(Schema.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                length++;
                if (term.length() > 2 && !STOP_WORDS.contains(term.buffer(), 0, term.length()) && !hasDigit(term)) {
                    tf.merge(term.toString(), 1, Integer::sum);
                }
            }
            ts.end();
        }
        return Math.max(1, length);
    }

    private static boolean hasDigit(CharTermAttribute term) {
        for (int i = 0; i < term.length(); i++) {
            if (Character.isDigit(term.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
