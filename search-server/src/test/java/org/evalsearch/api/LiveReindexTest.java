package org.evalsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.evalsearch.index.IndexRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server keeps answering while an index run writes to its index, and then sees the new report. */
class LiveReindexTest {
    static final String FIRST = "2008-protection-of-migrant-workers-2001-07-gb-summary.pdf";
    static final String ADDED = "2013-labour-migration-evaluation-summary.pdf";

    @TempDir
    static Path tmp;
    static Path corpus;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(TestServer.BUNDLED_CORPUS.resolve(FIRST), corpus.resolve(FIRST));
        server = TestServer.start(corpus, tmp.resolve("index"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void servesDuringAnIndexRunAndSeesItsCommit() throws Exception {
        long before = server.json("/api/search?q=migration&size=1").get("total").asLong();
        assertEquals(1, server.json("/api/health").get("documents").asInt());
        Files.copy(TestServer.BUNDLED_CORPUS.resolve(ADDED), corpus.resolve(ADDED));
        CompletableFuture<IndexRun.Summary> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new IndexRun(corpus, tmp.resolve("index"), 1).run(new IndexRun.Listener() {
                    @Override public void started(int files) {}
                    @Override public void fileDone(String file, int pages, int passages) {}
                    @Override public void fileSkipped(String file, String reason) {}
                });
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        int answered = 0;
        while (!run.isDone() || answered == 0) {
            HttpResponse<String> r = server.get("/api/search?q=migration&size=5");
            assertEquals(200, r.statusCode(), r.body());
            answered++;
        }
        assertEquals(1, run.get().documents());
        long deadline = System.currentTimeMillis() + 10_000;
        int documents = 1;
        while (documents != 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            documents = server.json("/api/health").get("documents").asInt();
        }
        assertEquals(2, documents, "the server sees the new commit after its refresh interval");
        long after = server.json("/api/search?q=migration&size=1").get("total").asLong();
        assertTrue(after > before, before + " -> " + after);
        assertTrue(server.json("/api/search?doc=" + ADDED + "&size=1").get("total").asLong() > 0);
    }
}
