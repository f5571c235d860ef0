package org.evalsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    @Test
    void aFileForAnIndexOrAPortTakenStopsTheServerWithOneLineAndExitCodeTwo() throws IOException {
        Path committed = tmp.resolve("index");
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(committed), new IndexWriterConfig())) {
            writer.commit();
        }
        Path file = Files.writeString(tmp.resolve("index.txt"), "x");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertEquals("--index names a file, not a folder: " + file, errorLine("--index",
                    "--index", file.toString(), "--corpus", tmp.toString(), "--port", "0"));
            String bindError = errorLine("Cannot listen on 127.0.0.1 port " + port + ": ", "--index",
                    committed.toString(), "--corpus", tmp.toString(), "--port", Integer.toString(port), "--bind",
                    "127.0.0.1");
            assertTrue(bindError.contains("in use"), bindError);
        }
    }

    @Test
    void aDamagedIndexStopsTheServerWithOneLineThatSaysHowToRebuildIt() throws IOException {
        Path index = tmp.resolve("damaged");
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig())) {
            writer.addDocument(new Document());
            writer.commit();
        }
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("_")).toList()) {
                Files.write(f, new byte[10]);
            }
        }
        String line = errorLine("Cannot read the index in " + index + " (", "--index", index.toString(), "--corpus",
                tmp.toString(), "--port", "0");
        assertTrue(line.endsWith("the server rebuilds it from " + tmp + "."), line);
    }

    /**
     * Runs the server's command line, which must fail with exit code 2, and returns the line it wrote to stderr
     * that starts with {@code start} (the web layer logs there too).
     */
    private static String errorLine(String start, String... args) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, new CommandLine(new ServerMain()).execute(args), String.join(" ", args));
        } finally {
            System.setErr(stderr);
        }
        String all = err.toString(StandardCharsets.UTF_8);
        return all.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + start + "' in:\n" + all));
    }
}
