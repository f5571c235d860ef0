package org.evalsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.index.Schema;

/**
 * The value and label of every global ordinal of one reader's facet field, with each dimension's ordinal
 * range and the years present, read once per reader (with its other facts, see {@link IndexAccess}): decoding
 * the values and building the labels (a report title for each of the reports) again for every search was a
 * tenth of the facet pass.
 */
record OrdinalLabels(Map<String, int[]> ranges, String[] values, String[] labels, int[] yearOrds) {

    static OrdinalLabels read(SortedSetDocValuesReaderState state, Map<String, ReportMeta> reports)
            throws IOException {
        Map<String, int[]> ranges = new HashMap<>();
        if (state == null) {
            return new OrdinalLabels(ranges, new String[0], new String[0], new int[0]);
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
                labels[ord] = FacetLabels.label(dim, values[ord], reports);
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
        return new OrdinalLabels(ranges, values, labels, yearOrds);
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
