package org.evalsearch.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
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
