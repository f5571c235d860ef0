package org.evalsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.TestPdfs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes of {@code index} (with and without --strict) and the lines {@code export} writes. */
class IndexAndExportCommandTest {
    private static final List<String> EXPORT_KEYS = List.of("id", "doc", "title", "year", "page", "page_label",
            "section", "type", "number", "themes", "criteria", "countries", "regions", "language", "text");
    private static final List<String> LIST_KEYS = List.of("themes", "criteria", "countries", "regions");
    private static final List<String> DOCS = List.of("2008-protection-of-migrant-workers-2001-07-gb-summary.pdf",
            "2013-labour-migration-evaluation-summary.pdf");

    @TempDir
    static Path tmp;
    static Path folder;
    static Path index;
    static int firstExit;

    @BeforeAll
    static void indexTwoReportsAndABadFile() throws IOException {
        folder = tmp.resolve("corpus");
        index = tmp.resolve("index");
        TestPdfs.copyInto(folder, DOCS.stream().map(TestPdfs::corpus).toArray(Path[]::new));
        TestPdfs.copyInto(folder, TestPdfs.resource("bad-pdfs/not-a-pdf.pdf"));
        firstExit = cli("index", folder.toString(), "--index", index.toString(), "--no-ocr");
    }

    private static int cli(String... args) {
        return IndexerCli.commandLine().execute(args);
    }

    @Test
    void aCompletedRunExitsZeroEvenWithSkippedFilesButNotWhenStrict() {
        assertEquals(0, firstExit);
        assertEquals(1, cli("index", folder.toString(), "--index", index.toString(), "--no-ocr", "--strict"));
    }

    @Test
    void aSecondWriterIsRefusedWithExitCodeTwoWhileReadersAreNot() throws IOException {
        try (FSDirectory dir = FSDirectory.open(index);
             IndexWriter running = new IndexWriter(dir, new IndexWriterConfig());
             DirectoryReader serving = DirectoryReader.open(dir)) {
            assertTrue(serving.numDocs() > 0);
            assertEquals(2, cli("index", folder.toString(), "--index", index.toString(), "--no-ocr"));
            assertTrue(running.isOpen());
        }
    }

    @Test
    void aWrongPathIsNamedInOneLineWithExitCodeTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-folder.txt"), "x");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        record Case(String expected, String... args) {}
        for (Case c : List.of(
                new Case("--index names a file, not a folder: " + file,
                        "index", folder.toString(), "--index", file.toString(), "--no-ocr"),
                new Case("no index in " + empty, "export", "--index", empty.toString(), "--out",
                        tmp.resolve("out.jsonl").toString()),
                new Case("no index in " + tmp.resolve("never"), "export", "--index", tmp.resolve("never").toString(),
                        "--out", tmp.resolve("out.jsonl").toString()),
                new Case("no such folder for --out: " + tmp.resolve("missing").toAbsolutePath(), "export", "--index",
                        index.toString(), "--out", tmp.resolve("missing").resolve("out.jsonl").toString()))) {
            StringWriter err = new StringWriter();
            int exit = IndexerCli.commandLine().setErr(new PrintWriter(err)).execute(c.args());
            assertEquals(2, exit, String.join(" ", c.args()));
            String first = err.toString().lines().findFirst().orElse("");
            assertTrue(first.startsWith(c.expected()), first);
        }
        assertFalse(Files.exists(tmp.resolve("never")), "export made the index folder it was pointed at");
        assertFalse(Files.exists(tmp.resolve("out.jsonl")));
    }

    @Test
    void aMalformedQueryFileIsNamedWithItsLineInOneLine() throws IOException {
        Path queries = Files.writeString(tmp.resolve("queries.jsonl"),
                "{\"id\": \"q1\", \"query\": \"migration\"}\nnot json\n");
        StringWriter err = new StringWriter();
        int exit = IndexerCli.commandLine().setErr(new PrintWriter(err)).execute("evaluate", "--index",
                index.toString(), "--queries", queries.toString());
        assertEquals(2, exit);
        assertTrue(err.toString().startsWith(queries + " line 2: Unrecognized token 'not'"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void aDamagedIndexIsNamedInOneLineWithExitCodeTwo() throws IOException {
        Path damaged = tmp.resolve("damaged");
        Files.createDirectories(damaged);
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.copy(f, damaged.resolve(f.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(damaged)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("_")).toList()) {
                Files.write(f, new byte[10]);
            }
        }
        for (String[] args : List.of(new String[] {"export", "--index", damaged.toString(), "--out",
                tmp.resolve("damaged.jsonl").toString()}, new String[] {"index", folder.toString(), "--index",
                damaged.toString(), "--no-ocr"})) {
            StringWriter err = new StringWriter();
            assertEquals(2, IndexerCli.commandLine().setErr(new PrintWriter(err)).execute(args), args[0]);
            assertTrue(err.toString().startsWith("The index cannot be read ("), err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
        }
    }

    @Test
    void exportWritesEveryPassageWithItsKeysInDocumentOrder() throws IOException {
        Path out = tmp.resolve("passages.jsonl");
        assertEquals(0, cli("export", "--index", index.toString(), "--out", out.toString()));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            lines.add(json.readTree(line));
        }
        assertTrue(lines.size() > 50, "passages: " + lines.size());
        for (JsonNode n : lines) {
            for (String key : EXPORT_KEYS) {
                assertTrue(n.has(key), "missing key " + key + " in " + n);
            }
            LIST_KEYS.forEach(k -> assertTrue(n.get(k).isArray(), k + " is a list"));
            assertEquals("id", n.fieldNames().next(), "the id comes first");
            assertEquals(n.get("doc").asText() + "#" + n.get("ordinal").asInt(), n.get("id").asText());
        }
        // document order: files by name, then passages by ordinal 0, 1, 2 ... with pages never going back
        assertEquals(DOCS, lines.stream().map(n -> n.get("doc").asText()).distinct().toList());
        for (String doc : DOCS) {
            List<JsonNode> ofDoc = lines.stream().filter(n -> n.get("doc").asText().equals(doc)).toList();
            for (int i = 0; i < ofDoc.size(); i++) {
                assertEquals(i, ofDoc.get(i).get("ordinal").asInt(), doc);
                if (i > 0) {
                    assertTrue(ofDoc.get(i).get("page").asInt() >= ofDoc.get(i - 1).get("page").asInt(), doc);
                }
            }
        }
    }
}
