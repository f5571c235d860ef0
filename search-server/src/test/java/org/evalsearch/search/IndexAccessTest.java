package org.evalsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexAccessTest {
    @TempDir
    Path tmp;

    @Test
    void openingInTheBackgroundReportsAMissingIndexWhenAwaited() throws IOException {
        try (IndexAccess access = IndexAccess.openInBackground(tmp, 60_000)) {
            IOException e = assertThrows(IOException.class, access::awaitOpen);
            assertTrue(e.getMessage().contains("no index in " + tmp), e.getMessage());
        }
    }

    @Test
    void openingInTheBackgroundServesTheLastCommit() throws IOException {
        long committed;
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(tmp), new IndexWriterConfig())) {
            writer.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp))) {
            committed = reader.getVersion();
        }
        try (IndexAccess access = IndexAccess.openInBackground(tmp, 60_000)) {
            access.awaitOpen();
            assertEquals(committed, access.currentVersion());
            try (IndexView view = access.acquire(1_000)) {
                assertEquals(0, view.reader().numDocs());
            }
        }
    }

    @Test
    void refreshingPicksUpALaterCommit() throws IOException {
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(tmp), new IndexWriterConfig())) {
            writer.commit();
            try (IndexAccess access = IndexAccess.open(tmp, 3_600_000)) {
                long first = access.currentVersion();
                access.refresh();
                assertEquals(first, access.currentVersion());
                Document doc = new Document();
                doc.add(new SortedSetDocValuesFacetField(Schema.TYPE, "finding"));
                writer.addDocument(Schema.facetsConfig().build(doc));
                writer.commit();
                access.refresh();
                assertNotEquals(first, access.currentVersion());
                try (IndexView view = access.acquire(1_000)) {
                    assertEquals(1, view.reader().numDocs());
                }
            }
        }
    }
}
