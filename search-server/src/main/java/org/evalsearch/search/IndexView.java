package org.evalsearch.search;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
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
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final Map<String, ReportMeta> reports;
    private final Instant committed;
    private final Runnable release;

    IndexView(IndexSearcher searcher, SortedSetDocValuesReaderState facetState, Map<String, ReportMeta> reports,
              Instant committed, Runnable release) {
        this.searcher = searcher;
        this.facetState = facetState;
        this.reports = reports;
        this.committed = committed;
        this.release = release;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public IndexReader reader() {
        return searcher.getIndexReader();
    }

    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    public Map<String, ReportMeta> reports() {
        return reports;
    }

    public Instant committed() {
        return committed;
    }

    public PassageRecord record(int docId) throws IOException {
        return Schema.fromJson(searcher.storedFields().document(docId).get(Schema.RECORD));
    }

    @Override
    public void close() {
        release.run();
    }
}
