package org.evalsearch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.evalsearch.extract.ExtractedPdf;
import org.evalsearch.extract.PdfExtractor;
import org.junit.jupiter.api.Test;

/** Title and year of reports that have no catalog row, from their own pages. */
class MetadataGuesserTest {
    private final PdfExtractor extractor = new PdfExtractor();
    private final MetadataGuesser guesser = new MetadataGuesser();

    @Test
    void yearComesFromTheContentNotTheFileName() throws IOException, URISyntaxException {
        Path pdf = Path.of(getClass().getResource("/catalog/évaluation finale 2019 (copie).pdf").toURI());
        ReportMeta meta = guesser.guess(pdf.getFileName().toString(), extractor.extract(pdf));
        assertEquals(2009, meta.year());
        assertTrue(meta.title().startsWith("Action efficace en matière de politiques"), meta.title());
        assertEquals("fr", meta.language());
    }

    @Test
    void yearIsNotTheCreationDateAndTitleComesFromTheCover() throws IOException {
        ExtractedPdf pdf = extractor.extract(Path.of("..", "corpus", "2009-lmpp-project-final-evaluation-summary.pdf"));
        assertEquals(2014, pdf.infoYear(), "the file was re-saved in 2014");
        ReportMeta meta = guesser.guess("2009-lmpp-project-final-evaluation-summary.pdf", pdf);
        assertEquals(2009, meta.year());
        assertEquals("Effective Action for Labour Migration Policies and Practice", meta.title());
        assertEquals("en", meta.language());
    }

    @Test
    void fileNamesAreNotTitles() {
        assertFalse(MetadataGuesser.meaningfulTitle("Microsoft Word - eval_final_v3.docx"));
        assertFalse(MetadataGuesser.meaningfulTitle("untitled"));
        assertTrue(MetadataGuesser.meaningfulTitle("Independent evaluation of the ILO’s work on international labour migration"));
    }
}
