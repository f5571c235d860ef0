package org.evalsearch.api;

import static org.evalsearch.api.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evalsearch.index.IndexRun;
import org.evalsearch.index.PassageVectors;
import org.evalsearch.pipeline.ExtractionLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's search over an index with passage vectors: dense retrieval fused into /api/search. One short
 * bundled report only (45 passages), so that embedding stays a few seconds of the suite.
 */
class DenseSearchApiTest {
    private static final String REPORT = "2009-lmpp-project-final-evaluation-summary.pdf";
    /** "... a labour migration course module ... at the ILO International Training Centre in Turin ..." */
    private static final String COURSE = REPORT + "#22";
    /** Shares no word with that passage (checked against the analyzer in RetrievalRegressionTest). */
    private static final String QUERY = "teaching held Italy";

    @TempDir
    static Path tmp;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(TestServer.BUNDLED_CORPUS.resolve(REPORT), corpus.resolve(REPORT));
        Files.copy(TestServer.BUNDLED_CORPUS.resolve("catalog.csv"), corpus.resolve("catalog.csv"));
        Path index = tmp.resolve("index");
        new IndexRun(corpus, index, 2, ExtractionLimits.defaults(), false, PassageVectors.Mode.ON)
                .run(new IndexRun.Listener() {
                    @Override public void started(int files) {}
                    @Override public void fileDone(String file, int pages, int passages) {}
                    @Override public void fileSkipped(String file, String reason) {
                        throw new AssertionError(file + " skipped: " + reason);
                    }
                });
        server = TestServer.over(index, corpus);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void aPassageWithoutTheQueryWordsIsFoundByMeaning() throws Exception {
        JsonNode r = server.json("/api/search?q=" + enc(QUERY) + "&size=10");
        List<String> ids = new ArrayList<>();
        r.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        assertTrue(ids.contains(COURSE), "dense retrieval did not bring the course passage: " + ids);
        assertTrue(r.get("total").asLong() >= ids.size(), "the total counts the fused passages: " + r.get("total"));
    }

    @Test
    void fusedResultsPageWithCursorsWithoutRepeatsOrGaps() throws Exception {
        String query = "/api/search?q=" + enc(QUERY) + "&size=3";
        JsonNode first = server.json("/api/search?q=" + enc(QUERY) + "&size=10");
        List<String> whole = new ArrayList<>();
        first.get("hits").forEach(h -> whole.add(h.get("id").asText()));

        List<String> paged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode page = server.json(query);
        for (int n = 0; n < 4; n++) {
            for (JsonNode hit : page.get("hits")) {
                assertTrue(seen.add(hit.get("id").asText()), "shown on two pages: " + hit.get("id"));
                paged.add(hit.get("id").asText());
            }
            if (page.get("next_cursor").isNull()) {
                break;
            }
            page = server.json(query + "&cursor=" + enc(page.get("next_cursor").asText()));
        }
        assertEquals(whole, paged.subList(0, Math.min(whole.size(), paged.size())),
                "pages of 3 list what one page of 10 lists");
        assertTrue(paged.contains(COURSE), "the course passage is on a page: " + paged);
    }
}
