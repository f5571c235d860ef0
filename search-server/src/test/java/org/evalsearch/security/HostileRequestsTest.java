package org.evalsearch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.evalsearch.api.CorsPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a public search box receives: hostile queries, parameters out of range, path traversal towards the PDFs,
 * cross-origin reads. Every answer is bounded in time and either a result or a 4xx with a message, never a 500.
 */
class HostileRequestsTest {
    private static final String SUMMARY = "2013-labour-migration-evaluation-summary.pdf";
    private static final String OTHER = "2009-lmpp-project-final-evaluation-summary.pdf";
    /** Generous for this 2-core machine under load; a runaway expansion or regex takes far longer. */
    private static final long MAX_MILLIS = 10_000;
    private static final String SECRET = "content of a file outside the corpus";

    @TempDir
    static Path tmp;
    static SecuredServer server;
    static Path corpus;

    @BeforeAll
    static void start() throws IOException {
        corpus = tmp.resolve("corpus");
        server = SecuredServer.start(corpus, tmp.resolve("index"),
                access -> new CorsPolicy(Set.of("https://intranet.example.org"))::register, SUMMARY, OTHER);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void hostileQueriesGetABoundedAnswerOrA400NeverA500() throws Exception {
        String manyTerms = IntStream.range(0, 240).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        String manyWildcards = IntStream.range(0, 200).mapToObj(i -> (char) ('a' + i % 26) + "*")
                .collect(Collectors.joining(" OR "));
        List<String> queries = List.of(
                "*tion", "*", "?", "*a*", "a*", "l*r", "???*", "labour~2", "a~2", "*ab*~",
                "/.*/", "/[a-z]{1,50}(x|y)*.*.*.*.*.*z/", "/" + "(a|b)*".repeat(100) + "/", "/(((/",
                "/[ac]*a[ac]{50,200}/", "/(.*a){20}/", "/" + "[a-z]{1,9}".repeat(80) + "/",
                manyTerms, manyWildcards, "\"" + manyTerms + "\"~1000",
                "nofield:value", "title:migration", "_text:x", "doc:*", "ordinal:[0 TO 99999999]",
                "(((", ")))", "\"unterminated", "AND", "OR OR NOT", "title:[a TO", "a^99999999999", "a^-1",
                "\\", "\u0000", "<script>alert(1)</script>", "labour".repeat(200), "x".repeat(5_000));
        List<String> failures = new ArrayList<>();
        for (String q : queries) {
            check("/api/search?q=" + enc(q), failures);
            check("/api/export?q=" + enc(q), failures);
            check("/api/suggest?q=" + enc(q), failures);
            check("/api/map?q=" + enc(q), failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void outOfRangeParametersAreRefusedWithAMessage() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String pathAndQuery : List.of(
                "/api/search?q=labour&size=100000", "/api/search?q=labour&size=-1", "/api/search?size=abc",
                "/api/search?q=labour&offset=1000000", "/api/search?q=labour&from=99999999&start=5",
                "/api/search?q=labour&cursor=" + enc("not-a-cursor"), "/api/search?cursor=" + "A".repeat(3000),
                "/api/search?q=labour&year=99999999999", "/api/search?year=2010-", "/api/search?sort=evil",
                "/api/search?q=a&q=b", "/api/search?type=" + enc("<script>"), "/api/suggest?q=lab&size=100000",
                "/api/passages/" + enc("no such passage") , "/api/documents/" + enc("nope.pdf"))) {
            HttpResponse<String> r = timed(pathAndQuery, failures);
            if (r != null && (r.statusCode() < 400 || r.statusCode() >= 500
                    || !SecuredServer.json(r).has("error"))) {
                failures.add(pathAndQuery + " -> " + r.statusCode() + " " + abbreviate(r.body()));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aVeryLongQueryIsRefusedBeforeItIsParsed() throws Exception {
        for (int words : new int[] {300, 6_000}) {
            HttpResponse<String> r = server.get("/api/search?q=" + "labour+".repeat(words));
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(SecuredServer.json(r).get("error").asText().contains("longer than"), r.body());
        }
        // beyond what HTTP headers may hold, the web server itself refuses the request line
        HttpResponse<String> huge = server.get("/api/search?q=" + "x".repeat(100_000));
        assertTrue(huge.statusCode() == 414 || huge.statusCode() == 431 || huge.statusCode() == 400,
                "status " + huge.statusCode());
    }

    @Test
    void pdfsAreServedOnlyForIndexedFilesInsideTheCorpus() throws Exception {
        Path outside = tmp.resolve("outside.pdf");
        Files.copy(corpus.resolve(OTHER), outside);
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        assertEquals(200, server.get("/api/documents/" + enc(SUMMARY).replace("+", "%20") + "/pdf").statusCode());
        List<String> attempts = List.of(
                "/api/documents/..%2F..%2Fsecret.txt/pdf", "/api/documents/%2E%2E%2Fsecret.txt/pdf",
                "/api/documents/..%252F..%252Fsecret.txt/pdf", "/api/documents/..%5Csecret.txt/pdf",
                "/api/documents/%2Fetc%2Fpasswd/pdf", "/api/documents/%2e%2e/pdf", "/api/documents/outside.pdf/pdf",
                "/api/documents/" + enc(tmp.resolve("outside.pdf").toString()) + "/pdf",
                "/api/documents/%00" + enc(SUMMARY) + "/pdf", "/api/documents/" + enc(SUMMARY) + "%00.txt/pdf");
        for (String a : attempts) {
            HttpResponse<String> r = server.get(a);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, a + " -> " + r.statusCode());
            assertFalse(r.body().contains(SECRET), a);
        }
        for (String raw : List.of("/api/documents/../../secret.txt/pdf", "/api/../../secret.txt",
                "/api/documents/..\\..\\secret.txt/pdf", "//etc/passwd", "/api/documents/" + SUMMARY + "/../../../secret.txt")) {
            String status = rawRequestStatus(raw);
            assertFalse(status.startsWith("2") || status.startsWith("5"), raw + " -> " + status);
        }
        // an indexed name whose file became a link to a PDF outside the corpus is refused too
        Path linked = corpus.resolve(OTHER);
        Files.delete(linked);
        Files.createSymbolicLink(linked, outside);
        assertEquals(404, server.get("/api/documents/" + OTHER + "/pdf").statusCode());
    }

    @Test
    void answersCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("/api/search?q=labour", "/api/search?q=(((", "/api/documents/" + enc(SUMMARY)
                .replace("+", "%20") + "/pdf", "/", "/api/nothing-here")) {
            HttpResponse<String> r = server.get(path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'"), path + ": " + csp);
            assertFalse(csp.contains("script-src") && scriptSources(csp).contains("'unsafe-inline'"), csp);
            assertFalse(csp.contains("'unsafe-eval'"), csp);
        }
    }

    @Test
    void thePageHasNoInlineScriptSoTheCspCanForbidIt() throws Exception {
        HttpResponse<String> page = server.get("/");
        assertEquals(200, page.statusCode());
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE)
                .matcher(page.body());
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "inline script: " + scripts.group());
            assertTrue(scripts.group(2).isBlank(), "inline script: " + scripts.group());
        }
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page.body()).find(),
                "inline event handler attribute in the page");
    }

    @Test
    void otherSitesCannotReadTheApiUnlessListed() throws Exception {
        HttpResponse<String> foreign = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/search?q=labour"))
                .header("Origin", "https://evil.example.com"));
        assertEquals(200, foreign.statusCode());
        assertNull(foreign.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertNull(foreign.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        HttpResponse<String> listed = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/search?q=labour"))
                .header("Origin", "https://intranet.example.org"));
        assertEquals("https://intranet.example.org",
                listed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/search"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "DELETE"));
        assertNull(preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.statusCode() >= 400, "preflight " + preflight.statusCode());
    }

    private static void check(String pathAndQuery, List<String> failures) throws Exception {
        HttpResponse<String> r = timed(pathAndQuery, failures);
        if (r == null) {
            return;
        }
        boolean ok = r.statusCode() == 200 || (r.statusCode() == 400 && SecuredServer.json(r).has("error"));
        if (!ok) {
            failures.add(abbreviate(pathAndQuery) + " -> " + r.statusCode() + " " + abbreviate(r.body()));
        }
    }

    private static HttpResponse<String> timed(String pathAndQuery, List<String> failures) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = server.get(pathAndQuery);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > MAX_MILLIS) {
            failures.add(abbreviate(pathAndQuery) + " took " + millis + " ms");
        }
        return r;
    }

    /** Sends a request line exactly as written, so that no client normalises the path first. */
    private static String rawRequestStatus(String rawPath) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (response.contains(SECRET)) {
                return "200 leaked the file";
            }
            return response.isEmpty() ? "closed" : response.split(" ", 3)[1];
        }
    }

    private static String scriptSources(String csp) {
        for (String directive : csp.split(";")) {
            if (directive.strip().startsWith("script-src")) {
                return directive;
            }
        }
        return "";
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
