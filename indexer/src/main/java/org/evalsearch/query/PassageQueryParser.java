package org.evalsearch.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.evalsearch.index.Analyzers;
import org.evalsearch.index.Schema;
import org.evalsearch.vocabulary.Acronyms;

/**
 * Turns what a user typed (Lucene classic syntax: words, "phrases", AND/OR/NOT, field:value, prefix*) into a
 * query over the passage text fields, within limits that keep a hostile query cheap. Shared by the server and
 * the {@code evaluate} command so that both rank the same way.
 *
 * <p>Ranking: each word or phrase is searched in every text field at once, the best field counting fully and the
 * others partly (a match in the section title or the lead sentence adds to one in the text); English words go
 * through the index's analysis plus query-time synonyms (acronyms of the reports, the synonyms file); French and
 * Spanish passages are searched in their own analysed fields. Plain queries of several words also reward passages
 * where neighbouring query words stand close together (a sequential-dependence proximity model), and intent words
 * ("recommendations on ...", "lessons", the six criteria) become a preference for that facet value, reported back
 * in {@link ParsedQuery#implied()}.
 */
public final class PassageQueryParser {
    public static final int MAX_QUERY_LENGTH = 1000;
    public static final int MAX_CLAUSES = 1024;

    /** Field weights: the passage text decides; where else the words stand adds evidence. */
    private static final Map<String, Float> FIELD_WEIGHTS = fieldWeights();
    /** Share of the score of the other matching fields added to the best field's. */
    private static final float TIE_BREAKER = 0.3f;
    /** Weight of neighbouring query words standing close together (within {@link #PAIR_SLOP}). */
    private static final float PAIR_WEIGHT = 0.3f;
    private static final int PAIR_SLOP = 3;
    /** Weight of the whole plain query appearing as a (loose) phrase. */
    private static final float PHRASE_WEIGHT = 0.5f;
    private static final int PHRASE_SLOP = 4;
    /** Score added to passages of an implied facet value (BM25 scores of a few-word query are about 5 to 20). */
    private static final float PREFERENCE_BOOST = 3.0f;
    /** Score factor for passages in another language than the query's. */
    private static final float OTHER_LANGUAGE_WEIGHT = 0.5f;
    /** A lead-in announces the passages that answer; it stays findable, below them. */
    private static final float LEAD_IN_WEIGHT = 0.5f;
    /** A made-up default field that stands for "all text fields". */
    private static final String ALL_FIELDS = "_text";
    private static final String FACET_INDEX_FIELD = Schema.facetsConfig().getDimConfig(Schema.TYPE).indexFieldName;
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    static {
        IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
    }

    private final Analyzer queryAnalyzer;
    private final Analyzer plainEnglish;
    private final QueryIntents intents;
    private final Acronyms acronyms;

    /** With the bundled synonyms, without the reports' acronyms. */
    public PassageQueryParser() {
        this(QueryVocabulary.defaults());
    }

    public PassageQueryParser(QueryVocabulary vocabulary) {
        this.queryAnalyzer = Analyzers.perField(Analyzers.english(vocabulary.stemmer(), vocabulary.synonyms()));
        this.plainEnglish = Analyzers.english(vocabulary.stemmer(), null);
        this.intents = QueryIntents.defaults();
        this.acronyms = vocabulary.acronyms();
    }

    /** With the acronyms defined in the reports of {@code reader}; build a new one when the index changes. */
    public static PassageQueryParser forIndex(IndexReader reader) {
        try {
            return new PassageQueryParser(QueryVocabulary.forIndex(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query for {@code q}; an empty or blank {@code q} matches every passage. */
    public Query parse(String q) {
        return understand(q).query();
    }

    /** {@link #understand(String, boolean)} with intent words understood. */
    public ParsedQuery understand(String q) {
        return understand(q, true);
    }

    /**
     * The query for {@code q} and what was read from it.
     *
     * @param useIntent false to take every word as topic (the user removed the implied filter)
     */
    public ParsedQuery understand(String q, boolean useIntent) {
        if (q == null || q.isBlank()) {
            return new ParsedQuery(new MatchAllDocsQuery(), "", Map.of(), List.of());
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidQueryException("query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        QueryIntents.Intent intent = useIntent ? intents.detect(q) : new QueryIntents.Intent(q, Map.of(), List.of());
        try {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean hasTopic = !intent.topic().isBlank();
            if (hasTopic) {
                b.add(topicQuery(acronyms.markCapitalised(intent.topic())), BooleanClause.Occur.MUST);
                if (isPlain(intent.topic())) {
                    proximity(intent.topic()).forEach(p -> b.add(p, BooleanClause.Occur.SHOULD));
                }
            }
            for (Map.Entry<String, String> e : intent.preferred().entrySet()) {
                Query facet = new ConstantScoreQuery(new TermQuery(DrillDownQuery.term(FACET_INDEX_FIELD, e.getKey(), e.getValue())));
                // with no topic left ("recommendations"), the implied value is the whole query
                b.add(new BoostQuery(facet, PREFERENCE_BOOST), hasTopic ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST);
            }
            Query query = hasTopic || !intent.preferred().isEmpty() ? b.build() : new MatchAllDocsQuery();
            if (hasTopic) {
                query = preferLanguage(query, QueryLanguage.guess(intent.topic()));
                query = new BoostWhereQuery(query, new TermQuery(new Term(Schema.ROLE, Schema.LEAD_IN)), LEAD_IN_WEIGHT);
            }
            return new ParsedQuery(query, intent.topic(), intent.preferred(), intent.intentWords());
        } catch (ParseException e) {
            String mistake = QuerySyntaxMistakes.explain(q);
            throw new InvalidQueryException(
                    "cannot parse query: " + (mistake != null ? mistake : firstLine(e.getMessage())));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("query has too many clauses (limit " + MAX_CLAUSES + ")");
        }
    }

    /** Passages in another analysed language than the query's count for less (they stay findable). */
    private static Query preferLanguage(Query query, String language) {
        BooleanQuery.Builder other = new BooleanQuery.Builder();
        for (String l : QueryLanguage.ANALYSED) {
            if (!l.equals(language)) {
                other.add(new TermQuery(DrillDownQuery.term(FACET_INDEX_FIELD, Schema.LANGUAGE, l)), BooleanClause.Occur.SHOULD);
            }
        }
        return new BoostWhereQuery(query, other.build(), OTHER_LANGUAGE_WEIGHT);
    }

    private Query topicQuery(String topic) throws ParseException {
        QueryParser parser = new AllFieldsParser(queryAnalyzer);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        parser.setAllowLeadingWildcard(false);
        // multi-word synonyms ("monitoring and evaluation" = M&E) only match when words reach the analyzer together
        parser.setSplitOnWhitespace(false);
        parser.setAutoGeneratePhraseQueries(false);
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        return parser.parse(topic);
    }

    /** Plain words only: no quotes, fields, operators or wildcards. */
    private static boolean isPlain(String q) {
        return !q.matches(".*([\"():\\[\\]{}^~*?\\\\+]|(^|\\s)[-!]|\\b(AND|OR|NOT)\\b|&&|\\|\\|).*");
    }

    /**
     * Sequential dependence: each pair of neighbouring content words near each other in the text, and the whole
     * query as a loose phrase.
     */
    private List<Query> proximity(String topic) {
        List<Term> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream ts = plainEnglish.tokenStream(Schema.TEXT, topic)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                if (!STOP_WORDS.contains(term.buffer(), 0, term.length())) {
                    terms.add(new Term(Schema.TEXT, term.toString()));
                    positions.add(pos);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i + 1 < terms.size(); i++) {
            PhraseQuery pair = new PhraseQuery.Builder().add(terms.get(i), 0)
                    .add(terms.get(i + 1), positions.get(i + 1) - positions.get(i)).setSlop(PAIR_SLOP).build();
            queries.add(new BoostQuery(pair, PAIR_WEIGHT));
        }
        if (terms.size() > 2) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(PHRASE_SLOP);
            for (int i = 0; i < terms.size(); i++) {
                phrase.add(terms.get(i), positions.get(i) - positions.get(0));
            }
            queries.add(new BoostQuery(phrase.build(), PHRASE_WEIGHT));
        }
        return queries;
    }

    private static Map<String, Float> fieldWeights() {
        Map<String, Float> m = new LinkedHashMap<>();
        m.put(Schema.TEXT, 1.0f);
        m.put(Schema.LEAD, 0.6f);
        m.put(Schema.SECTION, 0.5f);
        m.put(Schema.TITLE, 0.2f);
        m.put(Schema.NOTES, 0.2f);
        m.put(Schema.TEXT_FR, 1.0f);
        m.put(Schema.TEXT_ES, 1.0f);
        return m;
    }

    private static String firstLine(String s) {
        return s == null ? "syntax error" : s.lines().findFirst().orElse(s);
    }

    /** Classic syntax where a word without a field means "in any text field, best one first". */
    private static final class AllFieldsParser extends QueryParser {
        AllFieldsParser(Analyzer analyzer) {
            super(ALL_FIELDS, analyzer);
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            if (!ALL_FIELDS.equals(field)) {
                return super.getFieldQuery(field, text, quoted);
            }
            List<Query> perField = new ArrayList<>();
            for (Map.Entry<String, Float> f : FIELD_WEIGHTS.entrySet()) {
                Query q = super.getFieldQuery(f.getKey(), text, quoted);
                if (q != null) {
                    perField.add(new BoostQuery(q, f.getValue()));
                }
            }
            return bestField(perField);
        }

        @Override
        protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
            if (!ALL_FIELDS.equals(field)) {
                return super.getFieldQuery(field, text, slop);
            }
            List<Query> perField = new ArrayList<>();
            for (Map.Entry<String, Float> f : FIELD_WEIGHTS.entrySet()) {
                Query q = super.getFieldQuery(f.getKey(), text, slop);
                if (q != null) {
                    perField.add(new BoostQuery(q, f.getValue()));
                }
            }
            return bestField(perField);
        }

        /**
         * The best field's score plus a share of the others', as a disjunction whose top-k searches skip passages
         * that cannot compete (with a tie breaker, Lucene's own scorer scores every match).
         */
        private static Query bestField(List<Query> perField) {
            return perField.isEmpty() ? null
                    : new SkippingDisjunctionMaxQuery(new DisjunctionMaxQuery(perField, TIE_BREAKER));
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return super.getPrefixQuery(ALL_FIELDS.equals(field) ? Schema.TEXT : field, termStr);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return super.getWildcardQuery(ALL_FIELDS.equals(field) ? Schema.TEXT : field, termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return super.getFuzzyQuery(ALL_FIELDS.equals(field) ? Schema.TEXT : field, termStr, minSimilarity);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            return super.getRegexpQuery(ALL_FIELDS.equals(field) ? Schema.TEXT : field, termStr);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            return super.getRangeQuery(ALL_FIELDS.equals(field) ? Schema.TEXT : field, part1, part2, startInclusive, endInclusive);
        }
    }
}
