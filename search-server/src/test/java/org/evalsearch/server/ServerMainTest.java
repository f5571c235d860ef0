package org.evalsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerMainTest {
    @TempDir
    Path tmp;

    @Test
    void findsAnIndexExactlyWhenLuceneDoes() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path uncommitted = Files.createDirectories(tmp.resolve("uncommitted"));
        Files.writeString(uncommitted.resolve("write.lock"), "");
        Files.writeString(uncommitted.resolve("_0.cfs"), "");
        Path committed = tmp.resolve("committed");
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(committed), new IndexWriterConfig())) {
            writer.commit();
        }
        assertFalse(ServerMain.indexExists(tmp.resolve("missing")));
        assertTrue(ServerMain.indexExists(committed));
        for (Path p : new Path[] {empty, uncommitted, committed}) {
            try (Directory dir = FSDirectory.open(p)) {
                assertEquals(DirectoryReader.indexExists(dir), ServerMain.indexExists(p), p.toString());
            }
        }
    }
}
