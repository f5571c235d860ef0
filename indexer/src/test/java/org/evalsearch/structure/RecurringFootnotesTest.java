package org.evalsearch.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.evalsearch.extract.PdfExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled 2021 HLE cites interviews in many footnotes of the same wording ("Interview with ILO staff."), at
 * the foot of page after page: they are notes, not a running footer.
 */
class RecurringFootnotesTest {
    private static final Path PDF = Path.of("..", "corpus", "2021-hle-fair-effective-labour-migration-2016-20.pdf");
    private static List<Passage> passages;

    @BeforeAll
    static void build() throws IOException {
        passages = new PassageBuilder().build(new PdfExtractor().extract(PDF));
    }

    /** pdftotext -layout -f 41 -l 41 shows notes 27 to 33 at the foot of the page (23 printed). */
    @Test
    void notesOfTheSameWordingAreKept() {
        for (String marker : List.of("30", "31", "32", "33")) {
            Passage note = passages.stream()
                    .filter(p -> p.kind() == Passage.Kind.FOOTNOTE && p.text().equals(marker + " Interview with ILO staff."))
                    .findFirst().orElseThrow(() -> new AssertionError("note " + marker + " lost"));
            assertEquals(41, note.page());
        }
        Passage citing = passages.stream().filter(p -> p.text().contains("and consequent prejudice.")).findFirst()
                .orElseThrow();
        assertEquals(List.of("32 Interview with ILO staff."), citing.notes());
        assertEquals("32 Interview with ILO staff.", passages.get(citing.ordinal() + 1).text());
    }

    /**
     * The report's title runs along the foot of every other page (pdftotext shows it on pages 40, 42 and 44): it
     * is in the text layer there, and in no passage.
     */
    @Test
    void aRunningFooterIsStillRemoved() throws IOException {
        String footer = "evaluation of ILO’s strategy and action for promoting fair and effective";
        try (PDDocument doc = Loader.loadPDF(PDF.toFile())) {
            PDFTextStripper raw = new PDFTextStripper();
            raw.setStartPage(40);
            raw.setEndPage(45);
            String layer = raw.getText(doc).replaceAll("\\s+", " ");
            assertEquals(3, layer.split(footer, -1).length - 1, "the footer on pages 40, 42 and 44 of the text layer");
        }
        for (Passage p : passages) {
            assertFalse(p.text().contains(footer), p.text());
        }
    }
}
