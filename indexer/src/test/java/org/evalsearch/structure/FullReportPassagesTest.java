package org.evalsearch.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.evalsearch.extract.PdfExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Passages of the bundled 103-page single-column report: pages, sections, footnotes, tables. */
class FullReportPassagesTest {
    private static List<Passage> passages;

    @BeforeAll
    static void build() throws IOException {
        passages = new PassageBuilder().build(new PdfExtractor().extract(
                Path.of("..", "corpus", "2013-labour-migration-evaluation-full-report.pdf")));
    }

    /** Pages as pdftotext -f N -l N finds these sentences (checked when the test was written). */
    @Test
    void passagesStartOnThePageWherePdftotextFindsThem() {
        assertEquals(20, find("The regional reviews first extracted the relevant projects").page());
        assertEquals(21, find("We may have forfeited some projects").page());
        assertEquals(43, find("Paragraph 30 of the 2004 Resolution on Migrant Workers").page());
        assertEquals(91, find("The kafala system is a sponsorship system").page());
        assertEquals(19, find("In total 79 interviews with 82 unique individuals").page());
    }

    @Test
    void sectionPathsFollowTheHeadings() {
        assertEquals(List.of("3. Methodology of the Evaluation", "3.3 Documentation Review", "Regional Reviews"),
                find("The regional reviews first extracted the relevant projects").section());
        assertEquals(List.of("5. Key Findings and Recommendations", "5.2 Recommendations"),
                find("The ILO should develop a common vision/strategy on labour migration", 65).section());
        assertEquals("Executive Summary",
                find("The ILO should develop a common vision/strategy on labour migration", 10).section().get(0));
    }

    @Test
    void runningHeaderAndFooterAreNotInPassages() {
        for (Passage p : passages) {
            assertFalse(p.page() > 2 && p.text().matches("(?s).*Maastricht Graduate School of Governance \\d+.*"),
                    "running footer in p." + p.page() + ": " + p.text());
            assertFalse(p.page() > 2 && p.text().contains("Independent evaluation of the ILO’s work on international labour migration"),
                    "running header in p." + p.page() + ": " + p.text());
        }
    }

    @Test
    void footnotesAreOwnPassagesLinkedToWhereTheyAreCited() {
        Passage citing = find("we employed a second methodological approach");
        assertTrue(citing.text().contains("which used the following criteria:"), "marker dropped from the word");
        assertEquals(1, citing.notes().size());
        assertTrue(citing.notes().get(0).contains("We may have forfeited some projects"));
        Passage note = passages.get(citing.ordinal() + 1);
        assertEquals(Passage.Kind.FOOTNOTE, note.kind());
        assertTrue(note.text().contains("We may have forfeited some projects"));
        assertEquals(citing.section(), note.section());
        for (Passage p : passages) {
            if (p.kind() != Passage.Kind.FOOTNOTE) {
                assertFalse(p.text().contains("We may have forfeited"), "footnote spliced into " + p.text());
            }
        }
    }

    @Test
    void tablesAreRowByRowWithTheirCaption() {
        Passage table = find("Table 1: Overview of Interviews", 21);
        assertEquals(Passage.Kind.TABLE, table.kind());
        assertTrue(table.text().contains("Location | Number of Interviews | Number of Participants"), table.text());
        assertTrue(table.text().contains("Headquarters, Geneva | 34 | 26"), table.text());
    }

    /** pdftotext -layout shows these tables running over pages 21-22, 74-75 and 79-80. */
    @Test
    void tablesGoOnOverPageBreaks() {
        Passage interviews = find("Table 1: Overview of Interviews", 21);
        assertTrue(interviews.text().contains("Arab States | 5 | 5\nILO Office for the United Nations, New York | 1 | 2"),
                interviews.text());
        assertTrue(interviews.text().contains("Total | 79 | 82"), interviews.text());
        // the header row a page break repeats is read once
        assertEquals(1, count("Location | Number of Interviews", 21, 22));
        assertEquals(1, count("Criteria | Assessment", 79, 80));
        assertEquals(1, count("Evaluation of the GMS Triangle Project", 74, 75));
        assertTrue(find("Evaluation of the GMS Triangle Project").text()
                .startsWith("Evaluation of the GMS Triangle Project\nRelevance and strategic fit | "));
        // a row the break cut in two is one row again, cell by cell
        Passage efficiency = find("Efficiency of resource use | A detailed analysis", 74);
        assertTrue(efficiency.text().endsWith("corrective actions have been taken when required. Another essential "
                + "contributor to the project's success is its cost-efficient structure, based on the exercise of "
                + "cost-sharing with other projects, as well as other interested organizations working in the region."),
                efficiency.text());
        Passage impact = find("Migrandina has been able to place labour migration higher up", 79);
        assertTrue(impact.text().startsWith("Impact orientation and sustainability of the intervention | Migrandina"),
                impact.text());
        assertTrue(impact.text().contains("Regarding employers' groups, awareness raising was significantly lower"),
                impact.text());
    }

    /** The list of tables (p.5) wraps the entry for Table 6 before its leaders: navigation like the others. */
    @Test
    void contentsEntriesThatWrapAreNotPassages() {
        for (Passage p : passages) {
            assertFalse(p.page() < 9 && p.text().contains("Table 6:"), "contents entry kept: " + p.text());
        }
    }

    /**
     * Bibliography entries (hanging indent): the indented second line of an entry goes on with it even after a
     * full stop, and an entry that starts a page is not run into the entry the page before ends.
     */
    @Test
    void hangingIndentEntriesAreOnePassageEach() {
        assertTrue(find("Tricked and trapped: human trafficking in the Middle East.").text()
                .endsWith("ILO Regional Office for the Arab States. - Beirut: ILO"));
        assertTrue(find("Labour Migration Trends and Policies in Southern Africa.").text()
                .endsWith("Jonathon Crush and Vincent Williams."));
        assertTrue(find("World Bank (2013) 'Migration and Remittances'").text().startsWith("World Bank (2013)"));
        assertTrue(find("Accessed on 04 June 2013 at: http://www.ilo.org/wcmsp5").text().endsWith("wcms_201378.pdf"));
        assertTrue(find("International Labour Organization (ILO) (2009) The ILO and the quest").text()
                .startsWith("International Labour Organization (ILO) (2009)"));
    }

    @Test
    void realHyphensAtLineEndsAreKept() {
        assertTrue(find("preparations for the field visits to the Budapest").text().contains("Budapest Sub-regional Office"));
    }

    @Test
    void passagesAreInPageOrder() {
        int page = 0;
        for (Passage p : passages) {
            if (p.kind() == Passage.Kind.FOOTNOTE) {
                continue;
            }
            assertTrue(p.page() >= page, "p." + p.page() + " after p." + page + ": " + p.text());
            page = p.page();
        }
    }

    private static Passage find(String text) {
        return passages.stream().filter(p -> p.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage contains " + text));
    }

    private static long count(String text, int fromPage, int toPage) {
        return passages.stream()
                .filter(p -> p.page() >= fromPage && p.page() <= toPage && p.text().contains(text)).count();
    }

    private static Passage find(String text, int page) {
        return passages.stream().filter(p -> p.page() == page && p.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage on p." + page + " contains " + text));
    }
}
