package org.evalsearch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path folder;

    private Catalog load(String csv) throws IOException {
        Files.writeString(folder.resolve(Catalog.FILE_NAME), csv);
        return Catalog.load(folder);
    }

    @Test
    void aCatalogBrokenHalfwayKeepsTheRowsBeforeTheBreakAndSaysWhatWasWrong() throws IOException {
        Catalog c = load("file,title,year\na.pdf,A report,2019\n\"b.pdf,B report,2020\n");
        assertEquals("A report", c.find("a.pdf").orElseThrow().title());
        assertEquals(Optional.empty(), c.find("b.pdf"));
        String problem = c.problem().orElseThrow();
        assertTrue(problem.startsWith("could not be read to its end"), problem);
        assertTrue(problem.contains("1 rows were read before it"), problem);
    }

    @Test
    void aCatalogWithoutAFileColumnDescribesNothingAndSaysWhy() throws IOException {
        Catalog c = load("name,title\na.pdf,A report\n");
        assertEquals(Optional.empty(), c.find("a.pdf"));
        assertTrue(c.problem().orElseThrow().startsWith("no 'file' column"), c.problem().get());
    }

    @Test
    void aRowThatLeavesColumnsOutStillDescribesItsFile() throws IOException {
        Catalog c = load("file,title,year,evaluation,language\na.pdf,A report\nb.pdf,,,eval-b,\n");
        ReportMeta a = c.find("a.pdf").orElseThrow();
        assertEquals("A report", a.title());
        assertEquals(0, a.year());
        assertNull(a.language());
        ReportMeta b = c.find("b.pdf").orElseThrow();
        assertNull(b.title());
        assertEquals("eval-b", b.evaluation());
        assertEquals(Optional.empty(), c.problem());
    }

    @Test
    void aPartialRowIsCompletedFromTheFilesOwnContentButKeepsWhatItSays() {
        ReportMeta listed = new ReportMeta("a.pdf", "Listed title", 0, "eval-a", null, null, null, 0, 0, null);
        ReportMeta guess = new ReportMeta("a.pdf", "Guessed title", 2014, null, null, "fr", null, 0, 0, null);
        ReportMeta done = listed.completedBy(guess);
        assertEquals(new ReportMeta("a.pdf", "Listed title", 2014, "eval-a", null, "fr", null, 0, 0, null), done);
        assertTrue(done.complete());
    }
}
