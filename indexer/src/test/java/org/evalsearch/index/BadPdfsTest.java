package org.evalsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.TestPdfs;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.pipeline.HostilePdfs;
import org.evalsearch.pipeline.ExtractionLimits;
import org.evalsearch.pipeline.OcrOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run over the adversarial PDFs: it completes, indexes what is readable and says why it skipped the rest. */
class BadPdfsTest {
    @TempDir
    static Path tmp;
    static IndexRun.Summary summary;
    static Path index;

    @BeforeAll
    static void indexBadPdfs() throws IOException {
        Path folder = tmp.resolve("bad pdfs");
        try (Stream<Path> files = Files.list(TestPdfs.resource("bad-pdfs"))) {
            TestPdfs.copyInto(folder, files.filter(f -> !f.toString().endsWith(".md")).toArray(Path[]::new));
        }
        Files.write(folder.resolve("deep-nesting.pdf"), HostilePdfs.deepPageTree(HostilePdfs.OVERFLOWING_DEPTH));
        Files.write(folder.resolve("inflate-bomb.pdf"), HostilePdfs.inflateBomb(8 << 20));
        // like the shared truncated.pdf (half of the full report), but of a 4-page summary: no xref, no trailer
        byte[] report = Files.readAllBytes(TestPdfs.corpus("2013-labour-migration-evaluation-summary.pdf"));
        Files.write(folder.resolve("truncated.pdf"), Arrays.copyOf(report, report.length * 6 / 10));
        // a 103-page report under a 60-page policy stands in for the shared 2,000-page file
        Files.copy(TestPdfs.corpus("2013-labour-migration-evaluation-full-report.pdf"), folder.resolve("many-pages.pdf"));
        index = tmp.resolve("index");
        ExtractionLimits limits = new ExtractionLimits(Duration.ofSeconds(120), 60, 5_000_000, 200L << 20, 64L << 20,
                1L << 20, OcrOptions.off());
        summary = new IndexRun(folder, index, 2, limits, false).run(new NoProgress());
    }

    @Test
    void skipsEachUnreadableFileWithItsReason() {
        Map<String, String> reasons = summary.skipped().stream()
                .collect(Collectors.toMap(IndexRun.Skipped::file, IndexRun.Skipped::reason));
        assertEquals("empty file (0 bytes)", reasons.get("zero-byte.pdf"));
        assertEquals("not a PDF (no %PDF- header)", reasons.get("not-a-pdf.pdf"));
        assertEquals("encrypted: needs a user password", reasons.get("user-password.pdf"));
        assertTrue(reasons.get("image-only.pdf").startsWith("no text layer (needs OCR"), reasons.toString());
        assertTrue(reasons.get("deep-nesting.pdf").startsWith("too deeply nested"), reasons.toString());
        assertEquals("too many pages (103; limit 60, --max-pages)", reasons.get("many-pages.pdf"));
        assertEquals("page 1 content inflates to more than 1 MB (a decompression bomb?; limit --max-page-content-mb)",
                reasons.get("inflate-bomb.pdf"));
        assertEquals(7, reasons.size(), reasons.toString());
    }

    @Test
    void indexesEveryReadableFileAndFlagsRepairs() throws IOException {
        List<String> readable = List.of("garbage-xref.pdf", "owner-password-only.pdf", "truncated.pdf",
                "wrong-extension.PDF", "évaluation finale 2019 (copie).pdf");
        assertEquals(readable.size(), summary.documents());
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            Map<String, ReportMeta> reports = IndexedReports.read(reader);
            assertEquals(readable, List.copyOf(reports.keySet()));
            IndexSearcher searcher = new IndexSearcher(reader);
            for (String file : readable) {
                assertTrue(searcher.count(new TermQuery(Schema.docTerm(file))) > 10, file + " has passages");
            }
            assertEquals(summary.passages(), reader.numDocs());
        }
        Map<String, String> warnings = summary.warnings().stream()
                .collect(Collectors.toMap(IndexRun.Warning::file, IndexRun.Warning::message));
        assertTrue(warnings.get("garbage-xref.pdf").contains("cross-reference"), warnings.toString());
        assertTrue(warnings.get("truncated.pdf").startsWith("truncated"), warnings.toString());
    }

    @Test
    void remembersSkippedFilesSoAnUnchangedBadFileIsNotRetried() throws IOException {
        IndexRun.Summary again = new IndexRun(tmp.resolve("bad pdfs"), index, 2).run(new NoProgress());
        assertEquals(0, again.documents());
        assertEquals(summary.documents(), again.unchanged());
        assertEquals(summary.skipped().size(), again.skipped().size());
        assertTrue(again.skipped().stream().allMatch(s -> s.reason().endsWith("(unchanged since an earlier run)")),
                again.skipped().toString());
    }

    static final class NoProgress implements IndexRun.Listener {
        @Override
        public void started(int files) {}

        @Override
        public void fileDone(String file, int pages, int passages) {}

        @Override
        public void fileSkipped(String file, String reason) {}
    }
}
