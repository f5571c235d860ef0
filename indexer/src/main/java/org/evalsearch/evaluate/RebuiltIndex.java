package org.evalsearch.evaluate;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.evalsearch.index.Analyzers;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;

/**
 * The engine's index rebuilt in memory from stored passages with another English stemmer, so that analysis
 * choices can be compared on the same passages without extracting the PDFs again.
 */
public final class RebuiltIndex implements AutoCloseable {
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;

    public RebuiltIndex(List<PassageRecord> passages, Analyzers.Stemmer stemmer) throws IOException {
        FacetsConfig facets = Schema.facetsConfig();
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField(Analyzers.english(stemmer, null)));
        try (IndexWriter w = new IndexWriter(dir, config)) {
            for (PassageRecord r : passages) {
                w.addDocument(facets.build(Schema.toDocument(r)));
            }
        }
        reader = DirectoryReader.open(dir);
    }

    public DirectoryReader reader() {
        return reader;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}
