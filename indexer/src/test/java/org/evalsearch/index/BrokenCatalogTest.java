package org.evalsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.TestPdfs;
import org.evalsearch.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog.csv that cannot be read whole costs a warning, not the run. */
class BrokenCatalogTest {
    private static final String LISTED = "2008-protection-of-migrant-workers-2001-07-gb-summary.pdf";
    private static final String UNLISTED = "2013-labour-migration-evaluation-summary.pdf";

    @TempDir
    Path tmp;

    @Test
    void everyPdfIsIndexedTheRowsReadDescribeTheirFilesAndTheFaultIsAWarning() throws IOException {
        Path folder = tmp.resolve("corpus");
        TestPdfs.copyInto(folder, TestPdfs.corpus(LISTED), TestPdfs.corpus(UNLISTED));
        // the listed row gives a title only; the next row opens a quote it never closes
        Files.writeString(folder.resolve(Catalog.FILE_NAME),
                "file,title,year,language\n" + LISTED + ",Listed title\n\"" + UNLISTED + ",Never read,2013,en\n");
        Path index = tmp.resolve("index");
        IndexRun.Summary s = new IndexRun(folder, index, 2).run(new BadPdfsTest.NoProgress());

        assertEquals(2, s.documents());
        assertEquals(1, s.warnings().size(), s.warnings().toString());
        assertEquals(Catalog.FILE_NAME, s.warnings().getFirst().file());
        Map<String, JsonNode> firstOfEach = new HashMap<>();
        StringWriter out = new StringWriter();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            PassageExport.writeJsonLines(reader, out);
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : out.toString().split("\n")) {
            JsonNode n = json.readTree(line);
            firstOfEach.putIfAbsent(n.get("doc").asText(), n);
        }
        JsonNode listed = firstOfEach.get(LISTED);
        assertEquals("Listed title", listed.get("title").asText());
        assertTrue(listed.get("year").asInt() > 2000, "year from the report's own pages: " + listed.get("year"));
        assertEquals("en", listed.get("language").asText());
        assertNotEquals("Never read", firstOfEach.get(UNLISTED).get("title").asText());
    }
}
