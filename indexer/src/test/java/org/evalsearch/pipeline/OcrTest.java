package org.evalsearch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.evalsearch.TestPdfs;
import org.evalsearch.catalog.Catalog;
import org.evalsearch.extract.ExtractedPdf;
import org.evalsearch.index.PassageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages without a text layer: reported without tesseract, read with it. */
class OcrTest {
    private static final String SCANNED = "scanned/scanned-2013-labour-migration-evaluation-summary.pdf";

    private static ExtractionLimits limits(OcrOptions ocr) {
        return ExtractionLimits.defaults().withOcr(ocr);
    }

    @Test
    void withoutOcrAScannedReportIsRejectedAsNeedingOcr() {
        var processor = new DocumentProcessor(Catalog.empty(), limits(OcrOptions.off()));
        RejectedPdfException e = assertThrows(RejectedPdfException.class,
                () -> processor.process(TestPdfs.resource(SCANNED), "hash"));
        assertTrue(e.reason().startsWith("no text layer (needs OCR"), e.reason());
    }

    @Test
    void withTesseractTheScannedReportIsReadAndMarkedOcr(@TempDir Path tmp) throws IOException {
        assumeTrue(TesseractOcr.onPath(), "tesseract is not on the PATH (Debian: apt-get install tesseract-ocr); "
                + "OCR of the scanned report is not tested");
        // two of the four scanned pages keep the test fast: page 1 (background) and page 3 (recommendations)
        Path scan = tmp.resolve("scan.pdf");
        try (PDDocument doc = Loader.loadPDF(TestPdfs.resource(SCANNED).toFile())) {
            doc.removePage(3);
            doc.removePage(1);
            doc.save(scan.toFile());
        }
        // 150 dpi is the scan's own resolution: as good as 200 here, and faster
        var ocr = new OcrOptions(true, 150, "eng", Duration.ofSeconds(60));
        var processor = new DocumentProcessor(Catalog.empty(), limits(ocr));
        DocumentProcessor.ProcessedDocument d = processor.process(scan, "hash");

        List<PassageRecord> passages = d.passages();
        assertTrue(passages.size() > 10, "passages: " + passages.size());
        assertTrue(passages.stream().allMatch(PassageRecord::ocr));
        assertEquals(Set.of(1, 2), passages.stream().map(PassageRecord::page).collect(Collectors.toSet()));
        String text = passages.stream().map(PassageRecord::text).collect(Collectors.joining(" "))
                .toLowerCase(Locale.ROOT);
        assertTrue(text.contains("multilateral framework on labour migration"), text);
        assertTrue(text.contains("the ilo should develop a common vision"), text);
        assertTrue(d.warnings().contains("OCR'd pages [1, 2] (no text layer)"), d.warnings().toString());
    }

    @Test
    void tesseractLinesKeepReadingOrderAndGiveBodyTextOneSize() {
        List<String> tsv = List.of(
                "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
                "5\t1\t1\t1\t1\t1\t100\t100\t200\t40\t96\tRecommendations",
                "5\t1\t2\t1\t1\t1\t100\t200\t50\t20\t95\tThe",
                "5\t1\t2\t1\t1\t2\t160\t200\t60\t24\t95\tOffice",
                "5\t1\t2\t1\t2\t1\t100\t230\t80\t18\t95\tshould",
                "5\t1\t2\t1\t2\t2\t190\t230\t40\t19\t95\tact.",
                "5\t1\t3\t1\t1\t1\t700\t100\t80\t20\t95\t¢ Second",
                "5\t1\t3\t1\t1\t2\t790\t100\t80\t20\t95\tcolumn");
        List<ExtractedPdf.Line> lines = TesseractOcr.lines(tsv, 0.5f);
        assertEquals(List.of("Recommendations", "The Office", "should act.", "• Second column"),
                lines.stream().map(ExtractedPdf.Line::text).toList());
        assertEquals(lines.get(1).fontSize(), lines.get(2).fontSize());
        assertTrue(lines.get(0).fontSize() > lines.get(1).fontSize() * 1.5);
        assertEquals(50f, lines.get(1).x0());
        assertEquals((200 + 24 - 140) * 0.5f, lines.get(1).lineSpacing(), "baseline to baseline");
    }
}
