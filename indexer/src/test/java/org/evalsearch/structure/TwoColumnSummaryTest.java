package org.evalsearch.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.evalsearch.extract.ExtractedPdf;
import org.evalsearch.extract.PdfExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Passages of the bundled two-column evaluation summaries. */
class TwoColumnSummaryTest {
    private static List<Passage> summary2013;
    private static List<Passage> summary2009;
    /** The 2009 summary read as if it had no bookmarks: headings from type alone. */
    private static List<Passage> summary2009WithoutOutline;

    @BeforeAll
    static void build() throws IOException {
        PdfExtractor extractor = new PdfExtractor();
        PassageBuilder builder = new PassageBuilder();
        summary2013 = builder.build(extractor.extract(Path.of("..", "corpus", "2013-labour-migration-evaluation-summary.pdf")));
        ExtractedPdf pdf2009 = extractor.extract(Path.of("..", "corpus", "2009-lmpp-project-final-evaluation-summary.pdf"));
        summary2009 = builder.build(pdf2009);
        summary2009WithoutOutline = builder.build(new ExtractedPdf(pdf2009.pageCount(), pdf2009.pages(),
                pdf2009.infoTitle(), pdf2009.infoLanguage(), pdf2009.infoYear(), List.of(), pdf2009.bodyFontSize()));
    }

    @Test
    void columnsAreNotInterleaved() {
        Passage participatory = find(summary2013, "The evaluation was participatory");
        assertTrue(participatory.text().contains("ILO regions. [NB: Bangkok and Budapest were selected for face-to-face"
                + " interviews to gather information in regions with different migration realities and to see the"
                + " functioning of a Regional Office and a Sub-regional Office"), participatory.text());
        assertFalse(participatory.text().contains("technical work on migration was conducted"));
        assertTrue(find(summary2013, "In response to the 8 November 2012").ordinal()
                < find(summary2013, "Additionally, a comprehensive review").ordinal());
    }

    @Test
    void paragraphContinuesAcrossColumnAndPage() {
        Passage p = find(summary2013, "However, the evaluation deplored that the dissemination");
        assertEquals(1, p.page());
        assertTrue(p.text().contains("while acknowledging that better outreach had financial and human resources costs."), p.text());
    }

    @Test
    void pagesAndSectionsOfKnownPassages() {
        Passage main = find(summary2013, "The main findings and conclusions from the evaluation");
        assertEquals(1, main.page());
        assertEquals(List.of("Main Findings & Conclusions"), main.section());
        Passage tripartite = find(summary2013, "unique tripartite structure, bringing");
        assertEquals(2, tripartite.page());
        assertEquals("2", tripartite.pageLabel());
        Passage ministries = find(summary2009, "Labour Ministries may not be the most important partners");
        assertEquals(3, ministries.page());
        assertEquals(List.of("Recommendations & Lessons Learned", "Important lessons learned"), ministries.section());
        assertEquals(Passage.Kind.LIST_ITEM, ministries.kind());
    }

    @Test
    void headingsAreFoundFromTypeWhenThereAreNoBookmarks() {
        assertEquals(List.of("Recommendations & Lessons Learned", "Important lessons learned"),
                find(summary2009WithoutOutline, "Labour Ministries may not be the most important partners").section());
        assertEquals(List.of("Background & Context", "Methodology of evaluation"),
                find(summary2009WithoutOutline, "The methodology for the evaluation had three major").section());
        assertEquals(List.of("Quick Facts"), find(summary2009WithoutOutline, "Countries: Global").section());
    }

    @Test
    void numberedRecommendationKeepsItsSubBullets() {
        Passage five = find(summary2009, "5. Improve methods for evaluating the impact");
        assertTrue(five.text().contains("Developing methods to assess the impact of capacity-building activities."));
        assertTrue(five.text().contains("Involving recipients of project support in ongoing monitoring"));
        assertFalse(five.text().contains("6. Negotiate"));
        assertEquals(Passage.Kind.LIST_ITEM, find(summary2009, "6. Negotiate for the continued inclusion").kind());
    }

    @Test
    void sentenceThatMerelyContainsEnumeratorsStaysOneParagraph() {
        Passage p = find(summary2009, "The purpose of this evaluation is to assess (1) the extent");
        assertTrue(p.text().contains("and (2) how the project contributed to overall ILO strategies and priorities."));
        assertEquals(Passage.Kind.PARAGRAPH, p.kind());
    }

    private static Passage find(List<Passage> passages, String text) {
        return passages.stream().filter(p -> p.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage contains " + text));
    }
}
