package org.evalsearch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.evalsearch.TestPdfs;
import org.evalsearch.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors and overruns in one file's work become reasons, and the worker thread really stops. */
class BoundedWorkerTest {

    @Test
    void aFileOverItsTimeBudgetIsCancelledAndItsThreadStops() throws Exception {
        var processor = new DocumentProcessor(Catalog.empty(), ExtractionLimits.defaults().withOcr(OcrOptions.off()));
        Path report = TestPdfs.corpus("2021-hle-fair-effective-labour-migration-2016-20.pdf");
        int abandonedBefore = BoundedWorker.abandonedThreads();
        long start = System.nanoTime();
        RejectedPdfException e = assertThrows(RejectedPdfException.class, () -> new BoundedWorker(
                Duration.ofMillis(300)).run("report", c -> processor.process(report, "hash", c)));
        assertEquals("time budget of 300 ms exceeded (--file-timeout)", e.reason());
        // cancellation reaches PDFBox through the file reads: the thread ends well within the grace period
        assertEquals(abandonedBefore, BoundedWorker.abandonedThreads());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void aStackOverflowIsReportedAsTooDeeplyNested(@TempDir Path tmp) throws Exception {
        Path deep = tmp.resolve("deep.pdf");
        Files.write(deep, HostilePdfs.deepPageTree(HostilePdfs.OVERFLOWING_DEPTH));
        var processor = new DocumentProcessor(Catalog.empty(), ExtractionLimits.defaults().withOcr(OcrOptions.off()));
        RejectedPdfException e = assertThrows(RejectedPdfException.class, () -> new BoundedWorker(
                Duration.ofSeconds(60)).run("deep", c -> processor.process(deep, "hash", c)));
        assertTrue(e.reason().startsWith("too deeply nested"), e.reason());
    }

    @Test
    void anOutOfMemoryErrorEndsOnlyThatFile() throws Exception {
        BoundedWorker worker = new BoundedWorker(Duration.ofSeconds(10));
        RejectedPdfException e = assertThrows(RejectedPdfException.class,
                () -> worker.run("greedy", c -> new long[Integer.MAX_VALUE - 8].length));
        assertTrue(e.reason().startsWith("out of memory"), e.reason());
        assertEquals("next file", worker.run("next", c -> "next file"));
    }

    @Test
    void aPasswordProtectedFileIsReportedAsEncrypted() {
        var processor = new DocumentProcessor(Catalog.empty(), ExtractionLimits.defaults().withOcr(OcrOptions.off()));
        Path locked = TestPdfs.resource("bad-pdfs/user-password.pdf");
        RejectedPdfException e = assertThrows(RejectedPdfException.class, () -> new BoundedWorker(
                Duration.ofSeconds(60)).run("locked", c -> processor.process(locked, "hash", c)));
        assertEquals("encrypted: needs a user password", e.reason());
    }
}
