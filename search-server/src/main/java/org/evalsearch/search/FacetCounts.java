package org.evalsearch.search;

import java.io.IOException;
import java.util.ArrayList;
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
        SortedSetDocValuesReaderState state = view.facetState();
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String dim : Schema.FACETS) {
            Map<String, Long> counts = counts(byOrd.of(dim), dim, state);
            out.put(dim, dim.equals(Schema.YEAR) ? years(counts, view) : values(counts, dim, view));
        }
        return out;
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

    private static List<FacetValue> years(Map<String, Long> counts, IndexView view) throws IOException {
        List<Integer> present = indexedValues(view.facetState(), Schema.YEAR).stream()
                .map(Integer::parseInt).sorted().toList();
        List<FacetValue> list = new ArrayList<>();
        if (!present.isEmpty()) {
            for (int y = present.get(0); y <= present.get(present.size() - 1); y++) {
                String v = Integer.toString(y);
                list.add(new FacetValue(v, v, counts.getOrDefault(v, 0L)));
            }
        }
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

    /** The non-zero counts of one dimension's values, from counts by global ordinal. */
    private static Map<String, Long> counts(int[] byOrd, String dim, SortedSetDocValuesReaderState state)
            throws IOException {
        Map<String, Long> counts = new HashMap<>();
        SortedSetDocValuesReaderState.OrdRange range = state == null ? null : state.getOrdRange(dim);
        if (range == null) {
            return counts;
        }
        SortedSetDocValues dv = null;
        for (int ord = range.start(); ord <= range.end(); ord++) {
            if (byOrd[ord] > 0) {
                if (dv == null) {
                    dv = state.getDocValues();
                }
                String[] path = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString());
                counts.put(path[path.length - 1], (long) byOrd[ord]);
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
