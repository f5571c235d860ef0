package org.evalsearch.query;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The scores of {@code in}, multiplied by {@code factor} where {@code where} matches: the same scores as
 * {@code FunctionScoreQuery.boostByQuery(in, where, factor)} (the same double arithmetic), but with a true
 * maximum score. FunctionScoreQuery reports an infinite maximum and scores {@code in} completely, so a top-10
 * search under it had to score every match; with a bound, Lucene skips passages that cannot reach the page.
 */
public final class BoostWhereQuery extends Query {
    private final Query in;
    private final Query where;
    private final float factor;
    /** Computed once: the query cache hashes the query for every segment, and hashing walks the whole query. */
    private final int hash;

    public BoostWhereQuery(Query in, Query where, float factor) {
        if (!(factor >= 0) || Float.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a finite number >= 0, got " + factor);
        }
        this.in = Objects.requireNonNull(in);
        this.where = Objects.requireNonNull(where);
        this.factor = factor;
        this.hash = Objects.hash(classHash(), in, where, factor);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewrittenIn = in.rewrite(searcher);
        Query rewrittenWhere = where.rewrite(searcher);
        if (rewrittenIn != in || rewrittenWhere != where) {
            return new BoostWhereQuery(rewrittenIn, rewrittenWhere, factor);
        }
        return super.rewrite(searcher);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inWeight = in.createWeight(searcher, scoreMode, 1f);
        if (!scoreMode.needsScores()) {
            return inWeight;
        }
        Weight whereWeight = searcher.createWeight(where, ScoreMode.COMPLETE_NO_SCORES, 1f);
        return new BoostWhereWeight(inWeight, whereWeight, boost);
    }

    private final class BoostWhereWeight extends Weight {
        private final Weight inWeight;
        private final Weight whereWeight;
        private final float boost;

        BoostWhereWeight(Weight inWeight, Weight whereWeight, float boost) {
            super(BoostWhereQuery.this);
            this.inWeight = inWeight;
            this.whereWeight = whereWeight;
            this.boost = boost;
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
            ScorerSupplier inSupplier = inWeight.scorerSupplier(context);
            if (inSupplier == null) {
                return null;
            }
            return new ScorerSupplier() {
                @Override
                public Scorer get(long leadCost) throws IOException {
                    Scorer whereScorer = whereWeight.scorer(context);
                    return new BoostWhereScorer(inSupplier.get(leadCost),
                            whereScorer == null ? DocIdSetIterator.empty() : whereScorer.iterator(), boost);
                }

                @Override
                public long cost() {
                    return inSupplier.cost();
                }

                @Override
                public void setTopLevelScoringClause() throws IOException {
                    // the collector's minimum reaches the wrapped query, scaled (setMinCompetitiveScore): at the
                    // top it may skip by it, as a term query does only when told it is the top scoring clause
                    inSupplier.setTopLevelScoringClause();
                }
            };
        }

        @Override
        public Matches matches(LeafReaderContext context, int doc) throws IOException {
            return inWeight.matches(context, doc);
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
            Explanation inExplanation = inWeight.explain(context, doc);
            if (!inExplanation.isMatch()) {
                return inExplanation;
            }
            Scorer whereScorer = whereWeight.scorer(context);
            boolean whereMatches = whereScorer != null && whereScorer.iterator().advance(doc) == doc;
            double f = whereMatches ? factor : 1.0;
            return Explanation.match((float) (inExplanation.getValue().doubleValue() * f * boost),
                    "product of:", inExplanation, Explanation.match((float) f, whereMatches
                            ? "factor where " + where + " matches" : "1 (" + where + " does not match)"),
                    Explanation.match(boost, "boost"));
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return inWeight.isCacheable(ctx) && whereWeight.isCacheable(ctx);
        }
    }

    private final class BoostWhereScorer extends FilterScorer {
        private final DocIdSetIterator where;
        private final float boost;
        /** The largest multiplier a passage can get. */
        private final double most;

        BoostWhereScorer(Scorer in, DocIdSetIterator where, float boost) {
            super(in);
            this.where = where;
            this.boost = boost;
            this.most = Math.max(1.0, factor) * boost;
        }

        @Override
        public float score() throws IOException {
            int doc = docID();
            int w = where.docID();
            if (w < doc) {
                w = where.advance(doc);
            }
            // the order of FunctionScoreQuery: (score * value) * boost, in double
            double value = w == doc ? factor : 1.0;
            return (float) ((double) in.score() * value * boost);
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            float max = in.getMaxScore(upTo);
            // rounding to float after the product may land above the exact bound: one step up keeps it a bound
            return Math.nextUp((float) (max * most));
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            if (most > 0) {
                // rounding down keeps every passage that could still compete
                in.setMinCompetitiveScore(Math.max(0f, Math.nextDown((float) (minScore / most))));
            }
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        // like FunctionScoreQuery: only the scored query's terms are the query's words
        in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "boost(" + in.toString(field) + ", " + factor + " where " + where.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && in.equals(((BoostWhereQuery) other).in)
                && where.equals(((BoostWhereQuery) other).where) && factor == ((BoostWhereQuery) other).factor;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
