package org.evalsearch.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A {@link DisjunctionMaxQuery} (the same matches and the same scores) whose top-k searches skip the passages
 * that cannot reach the page. Lucene's own scorer only skips when the tie breaker is 0; with the tie breaker the
 * query parser uses, a top-10 search over a one-word query scored every passage with the word in any field (at
 * 100 copies of the corpus, all 185,200 passages for "migration"). Here, as in MaxScore: within a block of
 * passages, the fields whose maximum scores together stay below the lowest competitive score cannot make a
 * passage compete on their own, so only the passages that match one of the other fields are visited (for
 * "migration", those with the word in the text rather than in the report title every passage repeats), and a
 * block where no field can compete is skipped whole. A passage left out could not have entered the top k.
 */
public final class SkippingDisjunctionMaxQuery extends Query {
    /** Margin on a bound computed in floating point, so that rounding never skips a passage that competes. */
    private static final double BOUND_MARGIN = 1e-6;

    private final DisjunctionMaxQuery in;
    /** Computed once: the query cache hashes the query for every segment, and hashing the disjunction walks it. */
    private final int hash;

    public SkippingDisjunctionMaxQuery(DisjunctionMaxQuery in) {
        this.in = Objects.requireNonNull(in);
        this.hash = Objects.hash(classHash(), in);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        if (rewritten == in) {
            return super.rewrite(searcher);
        }
        // one field left (or none): its own scorer skips
        return rewritten instanceof DisjunctionMaxQuery dm ? new SkippingDisjunctionMaxQuery(dm) : rewritten;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        if (scoreMode != ScoreMode.TOP_SCORES || in.getTieBreakerMultiplier() == 0) {
            // only a top-k search says which scores still compete; with no tie breaker Lucene's scorer skips
            return in.createWeight(searcher, scoreMode, boost);
        }
        List<Weight> weights = new ArrayList<>();
        for (Query disjunct : in.getDisjuncts()) {
            weights.add(searcher.createWeight(disjunct, scoreMode, boost));
        }
        return new SkippingWeight(searcher, weights, scoreMode, boost);
    }

    private final class SkippingWeight extends Weight {
        private final IndexSearcher searcher;
        private final List<Weight> weights;
        private final ScoreMode scoreMode;
        private final float boost;
        /** Lucene's weight, for explanations and matches only. */
        private Weight plain;

        SkippingWeight(IndexSearcher searcher, List<Weight> weights, ScoreMode scoreMode, float boost) {
            super(SkippingDisjunctionMaxQuery.this);
            this.searcher = searcher;
            this.weights = weights;
            this.scoreMode = scoreMode;
            this.boost = boost;
        }

        private Weight plain() throws IOException {
            if (plain == null) {
                plain = in.createWeight(searcher, scoreMode, boost);
            }
            return plain;
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
            List<ScorerSupplier> suppliers = new ArrayList<>();
            for (Weight w : weights) {
                ScorerSupplier s = w.scorerSupplier(context);
                if (s != null) {
                    suppliers.add(s);
                }
            }
            if (suppliers.isEmpty()) {
                return null;
            }
            if (suppliers.size() == 1) {
                // one field: the maximum is its score
                return suppliers.get(0);
            }
            long cost = 0;
            for (ScorerSupplier s : suppliers) {
                cost += s.cost();
            }
            long totalCost = cost;
            return new ScorerSupplier() {
                @Override
                public Scorer get(long leadCost) throws IOException {
                    List<Scorer> scorers = new ArrayList<>(suppliers.size());
                    for (ScorerSupplier s : suppliers) {
                        scorers.add(s.get(leadCost));
                    }
                    return new SkippingScorer(scorers, in.getTieBreakerMultiplier());
                }

                @Override
                public long cost() {
                    return totalCost;
                }
            };
        }

        @Override
        public Matches matches(LeafReaderContext context, int doc) throws IOException {
            return plain().matches(context, doc);
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
            return plain().explain(context, doc);
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            for (Weight w : weights) {
                if (!w.isCacheable(ctx)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Scores as {@code DisjunctionMaxScorer}: the best field's score plus the tie breaker times the sum of the
     * others', summed in double. Iterates over the "essential" fields only once a minimum score is set.
     */
    static final class SkippingScorer extends Scorer {
        private final Scorer[] subs;
        private final DocIdSetIterator[] approximations;
        /** Where each field's approximation stands: only this scorer moves them. */
        private final int[] docs;
        private final TwoPhaseIterator[] twoPhases;
        private final float tieBreaker;
        private final DocIdSetIterator approximation;
        private final TwoPhaseIterator twoPhase;
        private final DocIdSetIterator iterator;
        /** Per field, whether a passage matching only such fields may still compete in the current block. */
        private final boolean[] essential;
        private final float[] blockMax;
        /** Field indexes by ascending block maximum. */
        private final int[] byBlockMax;
        /** Bounds asked for by a parent scorer, apart from the current block's. */
        private final float[] askedMax;
        /** Per field, the passage whose two-phase match was last checked and the outcome. */
        private final int[] checkedDoc;
        private final boolean[] checkedMatch;
        private int doc = -1;
        private float minCompetitiveScore;
        /** Last passage of the current block; -1 when no block is set. */
        private int upTo = -1;
        /** The largest target the fields were moved to for block bounds: they give no bounds before it. */
        private int shallowTarget = -1;
        private boolean skipping;

        SkippingScorer(List<Scorer> scorers, float tieBreaker) {
            int n = scorers.size();
            this.subs = scorers.toArray(new Scorer[0]);
            this.approximations = new DocIdSetIterator[n];
            this.docs = new int[n];
            this.twoPhases = new TwoPhaseIterator[n];
            boolean anyTwoPhase = false;
            float matchCost = 0;
            for (int i = 0; i < n; i++) {
                twoPhases[i] = subs[i].twoPhaseIterator();
                approximations[i] = twoPhases[i] == null ? subs[i].iterator() : twoPhases[i].approximation();
                docs[i] = approximations[i].docID();
                if (twoPhases[i] != null) {
                    anyTwoPhase = true;
                    matchCost += twoPhases[i].matchCost();
                }
            }
            this.tieBreaker = tieBreaker;
            this.essential = new boolean[n];
            Arrays.fill(essential, true);
            this.blockMax = new float[n];
            this.askedMax = new float[n];
            this.byBlockMax = new int[n];
            for (int i = 0; i < n; i++) {
                byBlockMax[i] = i;
            }
            this.checkedDoc = new int[n];
            Arrays.fill(checkedDoc, -1);
            this.checkedMatch = new boolean[n];
            this.approximation = new Candidates();
            float cost = matchCost;
            this.twoPhase = anyTwoPhase ? new TwoPhaseIterator(approximation) {
                @Override
                public boolean matches() throws IOException {
                    return anyEssentialMatches();
                }

                @Override
                public float matchCost() {
                    return cost;
                }
            } : null;
            this.iterator = twoPhase == null ? approximation : TwoPhaseIterator.asDocIdSetIterator(twoPhase);
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return twoPhase;
        }

        @Override
        public float score() throws IOException {
            float scoreMax = 0;
            double otherScoreSum = 0;
            for (int i = 0; i < subs.length; i++) {
                if (matchesHere(i, true)) {
                    float subScore = subs[i].score();
                    if (subScore >= scoreMax) {
                        otherScoreSum += scoreMax;
                        scoreMax = subScore;
                    } else {
                        otherScoreSum += subScore;
                    }
                }
            }
            return (float) (scoreMax + otherScoreSum * tieBreaker);
        }

        /** Whether field {@code i} matches the current passage; a field behind it is moved to it if {@code advance}. */
        private boolean matchesHere(int i, boolean advance) throws IOException {
            int d = docs[i];
            if (d < doc && advance) {
                d = docs[i] = approximations[i].advance(doc);
            }
            if (d != doc) {
                return false;
            }
            if (twoPhases[i] == null) {
                return true;
            }
            if (checkedDoc[i] != doc) {
                checkedDoc[i] = doc;
                checkedMatch[i] = twoPhases[i].matches();
            }
            return checkedMatch[i];
        }

        /** A passage counts as a match when an essential field matches: the others alone cannot compete. */
        private boolean anyEssentialMatches() throws IOException {
            for (int i = 0; i < subs.length; i++) {
                if (essential[i] && matchesHere(i, false)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            shallowTarget = Math.max(shallowTarget, target);
            int end = DocIdSetIterator.NO_MORE_DOCS;
            for (int i = 0; i < subs.length; i++) {
                int d = docs[i];
                if (d != DocIdSetIterator.NO_MORE_DOCS) {
                    end = Math.min(end, subs[i].advanceShallow(Math.max(target, d)));
                }
            }
            return end;
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            for (int i = 0; i < subs.length; i++) {
                askedMax[i] = docs[i] <= upTo ? subs[i].getMaxScore(upTo) : 0f;
            }
            float max = 0;
            double sum = 0;
            for (float b : askedMax) {
                sum += b;
                max = Math.max(max, b);
            }
            return Math.nextUp((float) ((max + (sum - max) * tieBreaker) * (1 + BOUND_MARGIN)));
        }

        /** The score bound in the current block of a passage matching only the {@code count} weakest fields. */
        private double weakestBound(int count) {
            float max = 0;
            double sum = 0;
            for (int k = 0; k < count; k++) {
                float b = blockMax[byBlockMax[k]];
                sum += b;
                max = Math.max(max, b);
            }
            return max + (sum - max) * tieBreaker;
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            minCompetitiveScore = minScore;
            if (!skipping) {
                skipping = minScore > 0;
                // the next move reads the block bounds
                upTo = -1;
            } else {
                partition();
            }
        }

        /** Sets the block containing {@code target}, with which fields are essential in it. */
        private void newBlock(int target) throws IOException {
            if (target < shallowTarget) {
                // a parent read bounds further on: none are known up to there, so every field stays essential
                upTo = shallowTarget - 1;
                Arrays.fill(essential, true);
                // and a later minimum score must not partition by the bounds of the previous block
                Arrays.fill(blockMax, Float.POSITIVE_INFINITY);
                return;
            }
            upTo = advanceShallow(target);
            for (int i = 0; i < subs.length; i++) {
                blockMax[i] = docs[i] <= upTo ? subs[i].getMaxScore(upTo) : 0f;
            }
            partition();
        }

        /** Marks non-essential the weakest fields whose bound together stays below the minimum score. */
        private void partition() {
            for (int j = 1; j < byBlockMax.length; j++) {
                int field = byBlockMax[j];
                int k = j - 1;
                for (; k >= 0 && blockMax[byBlockMax[k]] > blockMax[field]; k--) {
                    byBlockMax[k + 1] = byBlockMax[k];
                }
                byBlockMax[k + 1] = field;
            }
            int k = 0;
            while (k < byBlockMax.length && weakestBound(k + 1) * (1 + BOUND_MARGIN) < minCompetitiveScore) {
                k++;
            }
            for (int j = 0; j < byBlockMax.length; j++) {
                essential[byBlockMax[j]] = j >= k;
            }
        }

        @Override
        public Collection<ChildScorable> getChildren() {
            List<ChildScorable> children = new ArrayList<>(subs.length);
            for (Scorer s : subs) {
                children.add(new ChildScorable(s, BooleanClause.Occur.SHOULD.name()));
            }
            return children;
        }

        /** Passages matching an essential field (the approximation, for fields with two phases), block by block. */
        private final class Candidates extends DocIdSetIterator {
            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() throws IOException {
                return advance(doc + 1);
            }

            @Override
            public int advance(int target) throws IOException {
                while (true) {
                    if (target == NO_MORE_DOCS) {
                        return doc = NO_MORE_DOCS;
                    }
                    if (!skipping) {
                        return doc = nextOfAny(target);
                    }
                    if (target > upTo) {
                        newBlock(target);
                    }
                    int next = nextOfAny(target);
                    if (next <= upTo) {
                        return doc = next;
                    }
                    if (upTo == NO_MORE_DOCS) {
                        return doc = NO_MORE_DOCS;
                    }
                    target = upTo + 1;
                }
            }

            /** The first passage at or after {@code target} of the essential fields (all, when not skipping). */
            private int nextOfAny(int target) throws IOException {
                int next = NO_MORE_DOCS;
                for (int i = 0; i < approximations.length; i++) {
                    if (skipping && !essential[i]) {
                        continue;
                    }
                    int d = docs[i];
                    if (d < target) {
                        d = docs[i] = approximations[i].advance(target);
                    }
                    next = Math.min(next, d);
                }
                return next;
            }

            @Override
            public long cost() {
                long cost = 0;
                for (DocIdSetIterator a : approximations) {
                    cost += a.cost();
                }
                return cost;
            }
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return in.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && in.equals(((SkippingDisjunctionMaxQuery) other).in);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
