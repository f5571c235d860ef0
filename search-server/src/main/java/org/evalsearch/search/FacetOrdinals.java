package org.evalsearch.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The facet ordinals of every passage of a segment in two plain arrays, kept while the segment lives. Facet
 * counting visits every match of a query; reading their ordinals from these arrays instead of decoding the
 * doc values of each match made it several times cheaper. Segments are immutable, so an index refresh only
 * reads the new segments.
 */
final class FacetOrdinals {
    /**
     * One segment: the ordinals (segment-local, ascending per passage) of passage {@code d} are
     * {@code ords[starts[d]] .. ords[starts[d + 1] - 1]}.
     */
    record Segment(int[] starts, int[] ords, int valueCount) {}

    private final String field;
    private final Map<Object, Segment> segments = new ConcurrentHashMap<>();

    FacetOrdinals(String field) {
        this.field = field;
    }

    /** The ordinals of one segment, read on first use. */
    Segment of(LeafReader leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
        if (helper == null) {
            return read(FilterLeafReader.unwrap(leaf));
        }
        Object key = helper.getKey();
        Segment s = segments.get(key);
        if (s != null) {
            return s;
        }
        // read outside the request's deadline (the unwrapped reader): the arrays serve every later request
        s = read(FilterLeafReader.unwrap(leaf));
        if (segments.putIfAbsent(key, s) == null) {
            helper.addClosedListener(segments::remove);
        }
        return segments.get(key);
    }

    private Segment read(LeafReader leaf) throws IOException {
        int maxDoc = leaf.maxDoc();
        SortedSetDocValues dv = DocValues.getSortedSet(leaf, field);
        int[] starts = new int[maxDoc + 1];
        int[] ords = new int[Math.max(16, maxDoc * 4)];
        int n = 0;
        int next = 0;
        for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
            while (next <= doc) {
                starts[next++] = n;
            }
            int count = dv.docValueCount();
            if (n + count > ords.length) {
                ords = Arrays.copyOf(ords, Math.max(n + count, ords.length + ords.length / 2));
            }
            for (int i = 0; i < count; i++) {
                ords[n++] = Math.toIntExact(dv.nextOrd());
            }
        }
        while (next <= maxDoc) {
            starts[next++] = n;
        }
        return new Segment(starts, Arrays.copyOf(ords, n), Math.toIntExact(dv.getValueCount()));
    }
}
