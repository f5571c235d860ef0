package org.evalsearch.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.LongValues;

/**
 * Counts the facet values of every passage a search collects, straight from {@link FacetOrdinals} into counts
 * by the reader's global ordinals, and how many passages there were. Replaces FacetsCollector +
 * SortedSetDocValuesFacetCounts, which first gather every match into a bit set and then decode each match's
 * doc values. The same counts: each passage counts once for each of its values.
 */
final class OrdinalCounts implements CollectorManager<OrdinalCounts.Counting, OrdinalCounts.Counts> {
    /** Matches collected between two looks at the request's deadline. */
    private static final int DEADLINE_CHECK_INTERVAL = 4096;

    /** Passages per global ordinal of the facet field, and the number of passages counted. */
    record Counts(int[] byOrd, long hits) {}

    private final FacetOrdinals ordinals;
    private final OrdinalMap ordinalMap;
    private final int valueCount;

    OrdinalCounts(FacetOrdinals ordinals, SortedSetDocValuesReaderState state) throws IOException {
        this.ordinals = ordinals;
        SortedSetDocValues all = state.getDocValues();
        this.ordinalMap = all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
        this.valueCount = Math.toIntExact(all.getValueCount());
    }

    /**
     * {@code query}'s matches, each with score 0. DrillSideways reads the score of every match of its base query
     * even when the collectors need none, and scoring the ranked query (every field of every word, the
     * feedback words) for each match was most of the facet pass of a filtered search.
     */
    static Query unscored(Query query) {
        return new Unscored(query);
    }

    private static final class Unscored extends Query {
        private final Query in;

        Unscored(Query in) {
            this.in = in;
        }

        @Override
        public Query rewrite(IndexSearcher searcher) throws IOException {
            Query rewritten = in.rewrite(searcher);
            return rewritten != in ? new Unscored(rewritten) : super.rewrite(searcher);
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
            return new FilterWeight(this, searcher.createWeight(in, ScoreMode.COMPLETE_NO_SCORES, 1f)) {
                @Override
                public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                    ScorerSupplier matches = in.scorerSupplier(context);
                    if (matches == null) {
                        return null;
                    }
                    return new ScorerSupplier() {
                        @Override
                        public Scorer get(long leadCost) throws IOException {
                            return new FilterScorer(matches.get(leadCost)) {
                                @Override
                                public float score() {
                                    return 0f;
                                }

                                @Override
                                public float getMaxScore(int upTo) {
                                    return 0f;
                                }
                            };
                        }

                        @Override
                        public long cost() {
                            return matches.cost();
                        }
                    };
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            in.visit(visitor.getSubVisitor(BooleanClause.Occur.FILTER, this));
        }

        @Override
        public String toString(String field) {
            return "unscored(" + in.toString(field) + ")";
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && in.equals(((Unscored) other).in);
        }

        @Override
        public int hashCode() {
            return 31 * classHash() + in.hashCode();
        }
    }

    @Override
    public Counting newCollector() {
        return new Counting();
    }

    @Override
    public Counts reduce(Collection<Counting> collectors) {
        int[] sum = new int[valueCount];
        long hits = 0;
        for (Counting c : collectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += c.counts[i];
            }
            hits += c.hits;
        }
        return new Counts(sum, hits);
    }

    final class Counting implements Collector {
        private final int[] counts = new int[valueCount];
        private long hits;

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            FacetOrdinals.Segment segment = ordinals.of(context.reader());
            int[] starts = segment.starts();
            int[] ords = segment.ords();
            int[] local = new int[segment.valueCount()];
            LongValues toGlobal = ordinalMap == null ? LongValues.IDENTITY : ordinalMap.getGlobalOrds(context.ord);
            return new LeafCollector() {
                private int sinceCheck;

                @Override
                public void setScorer(Scorable scorer) {
                    // counting needs no scores
                }

                @Override
                public void collect(int doc) {
                    for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
                        local[ords[i]]++;
                    }
                    hits++;
                    if (++sinceCheck == DEADLINE_CHECK_INTERVAL) {
                        sinceCheck = 0;
                        // the doc values reader this replaces stopped a count that overran the time budget
                        if (IndexAccess.pastDeadline()) {
                            throw new ExitableDirectoryReader.ExitingReaderException(
                                    "facet counting took longer than the time budget");
                        }
                    }
                }

                @Override
                public void finish() {
                    for (int ord = 0; ord < local.length; ord++) {
                        if (local[ord] != 0) {
                            counts[(int) toGlobal.get(ord)] += local[ord];
                        }
                    }
                }
            };
        }
    }
}
