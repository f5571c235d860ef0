package org.evalsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.evalsearch.index.Schema;
import org.evalsearch.query.SearchFilters;

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
        OrdinalLabels labels = view.ordinalLabels();
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String dim : Schema.FACETS) {
            int[] counts = byOrd.of(dim);
            out.put(dim, dim.equals(Schema.YEAR) ? labels.years(counts) : labels.values(dim, counts));
        }
        return out;
    }

    /**
     * Each facet's {@code facetSize} most frequent values, and the values the request filters on wherever they
     * rank; years stay whole, since they draw a timeline.
     */
    static Map<String, List<FacetValue>> limit(Map<String, List<FacetValue>> facets, int facetSize,
                                               SearchFilters filters) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        facets.forEach((dim, values) -> {
            if (dim.equals(Schema.YEAR) || values.size() <= facetSize) {
                out.put(dim, values);
                return;
            }
            Set<String> filtered = Set.copyOf(filters.values(dim));
            List<FacetValue> kept = new ArrayList<>(values.subList(0, facetSize));
            values.subList(facetSize, values.size()).stream()
                    .filter(v -> filtered.contains(v.value())).forEach(kept::add);
            out.put(dim, kept);
        });
        return out;
    }

    /** How many values each facet has among the matches (years: how many have a match). */
    static Map<String, Integer> valueCounts(Map<String, List<FacetValue>> facets) {
        Map<String, Integer> out = new LinkedHashMap<>();
        facets.forEach((dim, values) -> out.put(dim, (int) values.stream().filter(v -> v.count() > 0).count()));
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
