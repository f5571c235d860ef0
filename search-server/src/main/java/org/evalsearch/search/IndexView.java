package org.evalsearch.search;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;

/**
 * One request's view of the index: a searcher over one commit, its facet ordinals (null when the index is
 * empty), the reports of that commit and when it was made.
 */
public final class IndexView implements AutoCloseable {
    private static final Set<String> RECORD_ONLY = Set.of(Schema.RECORD);
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetOrdinals facetOrdinals;
    private final OrdinalLabels ordinalLabels;
    private final FieldInfos fieldInfos;
    private final Map<String, ReportMeta> reports;
    private final Instant committed;
    private final long timeoutMillis;
    private final Runnable release;

    IndexView(IndexSearcher searcher, SortedSetDocValuesReaderState facetState, FacetOrdinals facetOrdinals,
              OrdinalLabels ordinalLabels, Map<String, ReportMeta> reports, Instant committed, FieldInfos fieldInfos,
              long timeoutMillis, Runnable release) {
        this.searcher = searcher;
        this.facetState = facetState;
        this.facetOrdinals = facetOrdinals;
        this.ordinalLabels = ordinalLabels;
        this.reports = reports;
        this.committed = committed;
        this.fieldInfos = fieldInfos;
        this.timeoutMillis = timeoutMillis;
        this.release = release;
    }

    /**
     * A fresh time budget for a second phase of work (facet counting after the hits were found) that cannot
     * run under the searcher's scoring timeout; the reader still stops it when this budget is spent.
     */
    public void startSecondPhase() {
        searcher.setTimeout(null);
        IndexAccess.extendDeadline(timeoutMillis);
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public IndexReader reader() {
        return searcher.getIndexReader();
    }

    /** The version of this view's commit (see {@link IndexAccess#currentVersion()}). */
    public long version() {
        return ((DirectoryReader) reader()).getVersion();
    }

    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    FacetOrdinals facetOrdinals() {
        return facetOrdinals;
    }

    OrdinalLabels ordinalLabels() {
        return ordinalLabels;
    }

    FieldInfos fieldInfos() {
        return fieldInfos;
    }

    public Map<String, ReportMeta> reports() {
        return reports;
    }

    public Instant committed() {
        return committed;
    }

    /** The record of a passage (the passage text, stored apart for snippets, is not read). */
    public PassageRecord record(int docId) throws IOException {
        return Schema.fromJson(searcher.storedFields().document(docId, RECORD_ONLY).get(Schema.RECORD));
    }

    @Override
    public void close() {
        release.run();
    }
}
