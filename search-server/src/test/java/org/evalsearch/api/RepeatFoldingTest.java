package org.evalsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folding of repeated passages, on a small real index written from passage records: a summary's
 * recommendation repeated in the full report (and its translation) is one hit listing the others in also_in.
 */
class RepeatFoldingTest {
    @TempDir
    static Path tmp;
    static TestServer server;

    static final String TEXT = "The ILO should strengthen labour migration statistics in every region.";

    @BeforeAll
    static void start() throws Exception {
        Path index = tmp.resolve("index");
        FacetsConfig facets = Schema.facetsConfig();
        try (IndexWriter w = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig(Schema.analyzer()))) {
            w.addDocument(facets.build(Schema.toDocument(passage("summary.pdf", 3, null, TEXT))));
            w.addDocument(facets.build(Schema.toDocument(passage("full.pdf", 40, "summary.pdf#3", TEXT))));
            w.addDocument(facets.build(Schema.toDocument(passage("full.pdf", 90, "summary.pdf#3", TEXT + " Again."))));
            w.addDocument(facets.build(Schema.toDocument(passage("full.pdf", 91, null,
                    "Labour migration statistics remain weak in Africa."))));
            w.commit();
        }
        server = TestServer.over(index, tmp);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void repeatsAreFoldedIntoThePassageTheyRepeat() throws Exception {
        JsonNode r = server.json("/api/search?q=" + TestServer.enc("labour migration statistics"));
        assertEquals(2, r.get("total").asLong());
        JsonNode first = null;
        for (JsonNode hit : r.get("hits")) {
            if (hit.get("id").asText().equals("summary.pdf#3")) {
                first = hit;
            } else {
                assertEquals(0, hit.get("also_in").size());
            }
        }
        assertTrue(first != null, "the repeated passage is a hit");
        assertEquals(2, first.get("also_in").size());
        for (JsonNode other : first.get("also_in")) {
            assertEquals("full.pdf", other.get("doc").asText());
            assertTrue(other.get("pdf_url").asText().startsWith("/api/documents/full.pdf/pdf#page="));
        }
        assertEquals(1, r.get("facets").get("doc").get(0).get("count").asLong());
    }

    @Test
    void foldingCanBeTurnedOff() throws Exception {
        JsonNode r = server.json("/api/search?q=" + TestServer.enc("labour migration statistics") + "&fold=false");
        assertEquals(4, r.get("total").asLong());
    }

    @Test
    void aPassageListsWhatRepeatsIt() throws Exception {
        JsonNode p = server.json("/api/passages/" + TestServer.enc("full.pdf#40"));
        assertEquals("summary.pdf#3", p.get("repeats_passage").get("id").asText());
        JsonNode original = server.json("/api/passages/" + TestServer.enc("summary.pdf#3"));
        assertEquals(2, original.get("also_in").size());
    }

    private static PassageRecord passage(String doc, int ordinal, String repeats, String text) {
        return new PassageRecord(doc + "#" + ordinal, doc, ordinal, "Labour migration evaluation", 2013, "eval-2013",
                "independent", "en", 1 + ordinal / 10, null, "Recommendations", "paragraph", "recommendation", "1",
                null, List.of(), null, repeats, List.of(), List.of(), List.of(), List.of(), null, Map.of(), List.of(),
                null, false, text);
    }
}
