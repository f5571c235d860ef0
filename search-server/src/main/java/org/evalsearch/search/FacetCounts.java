package org.evalsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.index.Schema;

/**
 * Facet counts in the API's shape: every facet dimension under its filter name, values by count (years in
 * order, every year from the first to the last the index holds, so a timeline has no holes).
 */
public final class FacetCounts {
    private FacetCounts() {}

    /** Passages per global ordinal of the facet field, for one dimension (other dimensions' slots unread). */
    interface OrdinalCountsOfDim {
        int[] of(String dim);
    }

    /** Every dimension from counts by global ordinal (see {@link OrdinalCounts}). */
    static Map<String, List<FacetValue>> of(OrdinalCountsOfDim byOrd, IndexView view) throws IOException {
        OrdinalLabels labels = OrdinalLabels.of(view);
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String dim : Schema.FACETS) {
            int[] counts = byOrd.of(dim);
            out.put(dim, dim.equals(Schema.YEAR) ? labels.years(counts) : labels.values(dim, counts));
        }
        return out;
    }

    /**
     * The value and label of every global ordinal of one reader's facet field, with each dimension's ordinal
     * range and the years present, read once per reader: decoding the values and building the labels (a
     * report title for each of the reports) again for every search was a tenth of the facet pass.
     */
    private record OrdinalLabels(SortedSetDocValuesReaderState state, Map<String, ReportMeta> reports,
                                 Map<String, int[]> ranges, String[] values, String[] labels, int[] yearOrds) {
        private static volatile OrdinalLabels last;

        static OrdinalLabels of(IndexView view) throws IOException {
            OrdinalLabels l = last;
            if (l == null || l.state() != view.facetState() || l.reports() != view.reports()) {
                l = read(view);
                last = l;
            }
            return l;
        }

        private static OrdinalLabels read(IndexView view) throws IOException {
            SortedSetDocValuesReaderState state = view.facetState();
            Map<String, int[]> ranges = new HashMap<>();
            if (state == null) {
                return new OrdinalLabels(null, view.reports(), ranges, new String[0], new String[0], new int[0]);
            }
            SortedSetDocValues dv = state.getDocValues();
            String[] values = new String[Math.toIntExact(dv.getValueCount())];
            String[] labels = new String[values.length];
            for (String dim : Schema.FACETS) {
                SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
                if (range == null) {
                    continue;
                }
                ranges.put(dim, new int[] {range.start(), range.end()});
                for (int ord = range.start(); ord <= range.end(); ord++) {
                    String[] path = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString());
                    values[ord] = path[path.length - 1];
                    labels[ord] = FacetLabels.label(dim, values[ord], view.reports());
                }
            }
            int[] range = ranges.get(Schema.YEAR);
            int[] yearOrds = new int[0];
            if (range != null) {
                Integer[] ords = new Integer[range[1] - range[0] + 1];
                for (int i = 0; i < ords.length; i++) {
                    ords[i] = range[0] + i;
                }
                Arrays.sort(ords, Comparator.comparingInt(ord -> Integer.parseInt(values[ord])));
                yearOrds = Arrays.stream(ords).mapToInt(Integer::intValue).toArray();
            }
            return new OrdinalLabels(state, view.reports(), ranges, values, labels, yearOrds);
        }

        /** The non-zero counts of one dimension, most frequent first. */
        List<FacetValue> values(String dim, int[] byOrd) {
            int[] range = ranges.get(dim);
            List<FacetValue> list = new ArrayList<>();
            if (range == null) {
                return list;
            }
            for (int ord = range[0]; ord <= range[1]; ord++) {
                if (byOrd[ord] > 0) {
                    list.add(new FacetValue(values[ord], labels[ord], byOrd[ord]));
                }
            }
            list.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
            return list;
        }

        /** Every year from the first to the last the index holds, in order, with its count (0 for a gap). */
        List<FacetValue> years(int[] byOrd) {
            List<FacetValue> list = new ArrayList<>();
            if (yearOrds.length == 0) {
                return list;
            }
            int first = Integer.parseInt(values[yearOrds[0]]);
            long[] counts = new long[Integer.parseInt(values[yearOrds[yearOrds.length - 1]]) - first + 1];
            for (int ord : yearOrds) {
                counts[Integer.parseInt(values[ord]) - first] += byOrd[ord];
            }
            for (int i = 0; i < counts.length; i++) {
                String v = Integer.toString(first + i);
                list.add(new FacetValue(v, v, counts[i]));
            }
            return list;
        }
    }

    /** The counts of one dimension, most frequent first; empty when no passage has the dimension. */
    public static List<FacetValue> values(Facets facets, String dim, IndexView view) throws IOException {
        return values(counts(facets, dim, view.facetState()), dim, view);
    }

    private static List<FacetValue> values(Map<String, Long> counts, String dim, IndexView view) {
        List<FacetValue> list = new ArrayList<>(counts.size());
        counts.forEach((v, c) -> list.add(new FacetValue(v, FacetLabels.label(dim, v, view.reports()), c)));
        list.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
        return list;
    }

    private static Map<String, Long> counts(Facets facets, String dim, SortedSetDocValuesReaderState state)
            throws IOException {
        Map<String, Long> counts = new HashMap<>();
        if (state == null || state.getOrdRange(dim) == null) {
            return counts;
        }
        FacetResult r = facets.getAllChildren(dim);
        if (r != null) {
            for (LabelAndValue lv : r.labelValues) {
                counts.put(lv.label, lv.value.longValue());
            }
        }
        return counts;
    }

    /** Every value of a dimension present in the index. */
    public static List<String> indexedValues(SortedSetDocValuesReaderState state, String dim) throws IOException {
        List<String> out = new ArrayList<>();
        if (state == null) {
            return out;
        }
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
        if (range == null) {
            return out;
        }
        SortedSetDocValues dv = state.getDocValues();
        for (int ord = range.start(); ord <= range.end(); ord++) {
            String[] path = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString());
            out.add(path[path.length - 1]);
        }
        return out;
    }
}
