package org.evalsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layout facts read from the bundled two-column evaluation summaries. */
class PdfExtractorTest {
    private static ExtractedPdf summary2013;
    private static ExtractedPdf summary2009;

    @BeforeAll
    static void extract() throws IOException {
        PdfExtractor extractor = new PdfExtractor();
        summary2013 = extractor.extract(Path.of("..", "corpus", "2013-labour-migration-evaluation-summary.pdf"));
        summary2009 = extractor.extract(Path.of("..", "corpus", "2009-lmpp-project-final-evaluation-summary.pdf"));
    }

    @Test
    void twoColumnPageIsReadColumnByColumn() {
        List<String> page1 = texts(summary2013.pages().get(0));
        int leftStart = indexOfLineContaining(page1, "In response to the 8 November 2012");
        int leftMiddle = indexOfLineContaining(page1, "The evaluation was participatory and involved");
        int leftEnd = indexOfLineContaining(page1, "realities and to see the functioning of a Regional");
        int rightStart = indexOfLineContaining(page1, "Office and a Sub-regional Office, with and without");
        assertTrue(leftStart < leftMiddle && leftMiddle < leftEnd && leftEnd + 1 == rightStart,
                "left column must be read to its end before the right one starts");
        assertTrue(summary2013.pages().get(0).lines().get(rightStart).column()
                > summary2013.pages().get(0).lines().get(leftEnd).column());
    }

    @Test
    void runningHeadersFootersAndPageNumbersAreRemoved() {
        for (ExtractedPdf pdf : List.of(summary2013, summary2009)) {
            for (ExtractedPdf.PageText page : pdf.pages()) {
                for (ExtractedPdf.Line l : page.lines()) {
                    assertFalse(l.text().startsWith("ILO Evaluation Summaries"), "running header: " + l.text());
                    assertFalse(l.text().matches("Page \\d+"), "page number: " + l.text());
                }
            }
        }
    }

    @Test
    void printedPageNumbersBecomeLabels() {
        assertEquals(List.of("1", "2", "3", "4"),
                summary2013.pages().stream().map(ExtractedPdf.PageText::label).toList());
    }

    @Test
    void ligaturesAndOddSpacesAreNormalised() {
        String all = String.join("\n", summary2009.pages().stream().flatMap(p -> texts(p).stream()).toList());
        assertTrue(all.contains("efforts to assist"), "the ﬀ ligature is spelt out");
        assertFalse(all.chars().anyMatch(c -> c >= 0xFB00 && c <= 0xFB06), "no ligature characters left");
        assertFalse(all.contains("\u00A0"), "no no-break spaces left");
    }

    @Test
    void outlineIsRead() {
        assertTrue(summary2009.outline().stream().anyMatch(e -> e.title().equals("Main recommendations and follow-up")
                && e.level() == 2 && e.page() == 3));
    }

    private static List<String> texts(ExtractedPdf.PageText page) {
        return page.lines().stream().map(ExtractedPdf.Line::text).toList();
    }

    private static int indexOfLineContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + text);
    }
}
