package org.evalsearch.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.evalsearch.admin.AdminRoutes;
import org.evalsearch.admin.AdminToken;
import org.evalsearch.admin.CorpusFiles;
import org.evalsearch.admin.Reindexer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state-changing endpoints over real HTTP: off unless enabled, token checked, uploads limited, checked and
 * never overwriting, and the running server sees what a re-index commits while it keeps answering.
 */
class AdminEndpointsTest {
    private static final String TOKEN = "test-admin-token-0123456789";
    private static final String SUMMARY = "2013-labour-migration-evaluation-summary.pdf";
    private static final String NEW_REPORT = "2008-protection-of-migrant-workers-2001-07-gb-summary.pdf";
    private static final long MAX_UPLOAD = 300 * 1024;

    @TempDir
    static Path tmp;
    static Path corpus;
    static SecuredServer admin;
    static SecuredServer plain;

    @BeforeAll
    static void start() throws IOException {
        corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        AdminToken token = AdminToken.from(TOKEN, null);
        admin = SecuredServer.start(corpus, index, access -> new AdminRoutes(token, new CorpusFiles(corpus, MAX_UPLOAD),
                new Reindexer(corpus, index, 2, access::refresh))::register, SUMMARY);
        plain = SecuredServer.start(tmp.resolve("plain-corpus"), tmp.resolve("plain-index"), access -> config -> {},
                SUMMARY);
    }

    @AfterAll
    static void stop() throws IOException {
        admin.close();
        plain.close();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(admin.base + path));
    }

    private static HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", "Bearer " + TOKEN);
    }

    /**
     * Uploads as careful clients do, with "Expect: 100-continue": a refused upload is answered before its body is
     * sent. Without it the server's early 413 closes the connection while the client is still writing, and the
     * client sees a broken pipe instead of the answer.
     */
    private static HttpResponse<String> upload(String name, byte[] body) throws Exception {
        return admin.send(authorized("/api/admin/documents?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .header("Content-Type", "application/pdf").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void adminEndpointsDoNotExistUnlessEnabled() throws Exception {
        for (String method : List.of("GET", "POST", "DELETE")) {
            HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create(plain.base + "/api/admin/reindex"))
                    .header("Authorization", "Bearer " + TOKEN).method(method, HttpRequest.BodyPublishers.noBody()));
            assertTrue(r.statusCode() == 404 || r.statusCode() == 405, method + " -> " + r.statusCode());
        }
        HttpResponse<String> del = plain.send(HttpRequest.newBuilder(URI.create(plain.base + "/api/documents/" + SUMMARY))
                .DELETE());
        assertTrue(del.statusCode() == 404 || del.statusCode() == 405, "DELETE -> " + del.statusCode());
        assertTrue(Files.exists(tmp.resolve("plain-corpus").resolve(SUMMARY)));
    }

    @Test
    void everyAdminEndpointNeedsTheToken() throws Exception {
        List<HttpRequest.Builder> requests = List.of(
                request("/api/admin/reindex").POST(HttpRequest.BodyPublishers.noBody()),
                request("/api/admin/reindex").GET(),
                request("/api/admin/documents?name=x.pdf").POST(HttpRequest.BodyPublishers.ofString("%PDF-1.4")),
                request("/api/admin/documents/" + SUMMARY).DELETE());
        for (String auth : new String[] {null, "Bearer wrong-token-wrong-token", "Bearer " + TOKEN + "x",
                "Bearer " + TOKEN.substring(1), "Basic " + TOKEN, TOKEN, "Bearer "}) {
            for (HttpRequest.Builder r : requests) {
                HttpRequest.Builder copy = r.copy();
                if (auth != null) {
                    copy.header("Authorization", auth);
                }
                HttpResponse<String> answer = admin.send(copy);
                assertEquals(401, answer.statusCode(), auth + " " + answer.body());
                assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            }
        }
        assertTrue(Files.exists(corpus.resolve(SUMMARY)), "nothing was deleted");
        assertFalse(Files.exists(corpus.resolve("x.pdf")), "nothing was uploaded");
    }

    @Test
    void uploadsAreCheckedLimitedAndNeverOverwrite() throws Exception {
        byte[] original = Files.readAllBytes(corpus.resolve(SUMMARY));
        assertEquals(409, upload(SUMMARY, Files.readAllBytes(Path.of("..", "corpus", NEW_REPORT))).statusCode());
        assertArrayEquals(original, Files.readAllBytes(corpus.resolve(SUMMARY)), "the existing file is untouched");

        HttpResponse<String> html = upload("page.pdf", "<html><body>404 Not Found</body></html>".getBytes());
        assertEquals(415, html.statusCode(), html.body());
        assertTrue(html.body().contains("not a PDF (no %PDF- header)"), html.body());
        assertEquals(415, upload("empty.pdf", new byte[0]).statusCode());

        byte[] big = Files.readAllBytes(Path.of("..", "corpus", "2013-labour-migration-evaluation-full-report.pdf"));
        assertTrue(big.length > MAX_UPLOAD);
        assertEquals(413, upload("big.pdf", big).statusCode());

        for (String name : List.of("../escape.pdf", "..%2Fescape.pdf", "/tmp/abs.pdf", "sub/dir.pdf", ".hidden.pdf",
                "report.exe", "a\\b.pdf", "con\u0000.pdf", "x".repeat(300) + ".pdf")) {
            assertEquals(400, upload(name, original).statusCode(), name);
        }
        try (Stream<Path> files = Files.list(corpus)) {
            assertEquals(List.of(SUMMARY), files.map(p -> p.getFileName().toString()).toList(),
                    "no partial, temp or refused file is left in the corpus folder");
        }
        assertFalse(Files.exists(tmp.resolve("escape.pdf")));
    }

    @Test
    void uploadThenDeleteIsIndexedWhileTheServerKeepsAnswering() throws Exception {
        assertEquals(0, hitsOfNewReport());

        HttpResponse<String> added = upload(NEW_REPORT, Files.readAllBytes(Path.of("..", "corpus", NEW_REPORT)));
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(Files.exists(corpus.resolve(NEW_REPORT)));
        awaitReindexWhileSearching();
        assertTrue(hitsOfNewReport() > 0, "the server sees the uploaded report after the re-index commit");

        HttpResponse<String> deleted = admin.send(authorized("/api/admin/documents/" + NEW_REPORT).DELETE());
        assertEquals(202, deleted.statusCode(), deleted.body());
        assertFalse(Files.exists(corpus.resolve(NEW_REPORT)));
        awaitReindexWhileSearching();
        assertEquals(0, hitsOfNewReport(), "its passages are gone after the re-index");
        HttpResponse<String> gone = admin.send(authorized("/api/admin/documents/" + NEW_REPORT).DELETE());
        assertEquals(404, gone.statusCode());
        assertEquals("no PDF named '" + NEW_REPORT + "' in the corpus folder",
                SecuredServer.json(gone).get("error").asText());
    }

    @Test
    void theTokenComesFromTheEnvironmentOrAFileAndMustBeLongEnough() throws IOException {
        Path file = tmp.resolve("token");
        Files.writeString(file, "  from-a-file-token-1234\n");
        assertTrue(AdminToken.from(null, file).matches("from-a-file-token-1234"));
        assertTrue(AdminToken.from("from-the-env-123456", file).matches("from-the-env-123456"));
        assertThrows(IllegalArgumentException.class, () -> AdminToken.from(null, null));
        assertThrows(IllegalArgumentException.class, () -> AdminToken.from("short", null));
        assertThrows(IllegalArgumentException.class, () -> AdminToken.from(null, tmp.resolve("no-such-file")));
    }

    /** Passages of the uploaded report, as the documents API lists them (0 when it is not indexed). */
    private static int hitsOfNewReport() throws Exception {
        HttpResponse<String> r = admin.get("/api/documents");
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode d : SecuredServer.json(r).get("documents")) {
            if (d.get("doc").asText().equals(NEW_REPORT)) {
                return d.get("passages").asInt();
            }
        }
        return 0;
    }

    /** Polls the re-index status, searching all the while: every search must succeed during the run. */
    private static void awaitReindexWhileSearching() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> search = admin.get("/api/search?q=labour+migration");
            assertEquals(200, search.statusCode(), search.body());
            JsonNode status = SecuredServer.json(admin.send(authorized("/api/admin/reindex").GET()));
            if (!status.get("running").asBoolean() && !status.get("last_finished").isNull()) {
                assertTrue(status.get("last_error").isNull(), status.toString());
                Thread.sleep(300);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("re-index did not finish within 2 minutes");
    }
}
