package org.evalsearch.api;

import static org.evalsearch.api.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input against a small real corpus: a PDF whose text is markup, a symbolic link in the corpus folder
 * pointing outside it, path tricks on the PDF endpoint and costly or malformed queries.
 */
class HostileInputTest {
    static final String SMALL = "2008-protection-of-migrant-workers-2001-07-gb-summary.pdf";
    static final String MARKUP = "markup.pdf";
    static final String LINK = "outside-link.pdf";

    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(TestServer.BUNDLED_CORPUS.resolve(SMALL), corpus.resolve(SMALL));
        writePdf(corpus.resolve(MARKUP), "Recommendation on <script>alert('owned')</script> data & statistics "
                + "for migrant workers <img src=x onerror=alert(1)> in every region.");
        Path outside = Files.createDirectories(tmp.resolve("outside")).resolve("secret.pdf");
        writePdf(outside, "A private report outside the corpus folder about secret migration plans.");
        Files.createSymbolicLink(corpus.resolve(LINK), outside);
        server = TestServer.start(corpus, tmp.resolve("index"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void markupInPassageTextIsEscapedInSnippets() throws Exception {
        JsonNode r = server.json("/api/search?q=alert%20owned%20statistics&doc=" + MARKUP);
        assertTrue(r.get("total").asLong() > 0);
        for (JsonNode hit : r.get("hits")) {
            String snippet = hit.get("snippet").asText();
            String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
            assertFalse(withoutMarks.contains("<"), snippet);
            assertTrue(snippet.contains("&lt;script&gt;") || snippet.contains("&lt;img"), snippet);
        }
        JsonNode browse = server.json("/api/search?doc=" + MARKUP);
        for (JsonNode hit : browse.get("hits")) {
            assertFalse(hit.get("snippet").asText().contains("<"), "browsing snippets are escaped too");
        }
    }

    @Test
    void pdfEndpointServesOnlyIndexedFilesInsideTheCorpus() throws Exception {
        HttpResponse<String> ok = server.get("/api/documents/" + enc(SMALL) + "/pdf");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().startsWith("%PDF"));
        List<String> refused = List.of(
                "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd/pdf",
                "/api/documents/%2E%2E%2Fpom.xml/pdf",
                "/api/documents/..%252F..%252Fpom.xml/pdf",
                "/api/documents/%2Fetc%2Fpasswd/pdf",
                "/api/documents/..%5C..%5Cpom.xml/pdf",
                "/api/documents/../../pom.xml/pdf",
                "/api/documents/" + enc(tmp.resolve("outside/secret.pdf").toString()) + "/pdf",
                "/api/documents/" + LINK + "/pdf",
                "/api/documents/catalog.csv/pdf");
        for (String url : refused) {
            HttpResponse<String> r = server.get(url);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, url + " -> " + r.statusCode());
            assertFalse(r.body().startsWith("%PDF"), url + " served a PDF");
        }
        JsonNode docs = server.json("/api/documents").get("documents");
        assertTrue(docs.toString().contains(LINK), "the symbolic link was indexed, yet its file is not served");
    }

    @Test
    void costlyOrMalformedQueriesGetABoundedAnswer() throws Exception {
        String manyClauses = IntStream.range(0, 300).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        List<String> queries = List.of(
                "/[a-z]+.*[0-9]{1,1000}(a|b|c)*.*/",
                "m*", "mi*~", "migration~2", "a* OR b* OR c* OR d* OR e*", "nofield:foo", "text:",
                "((((((((((migration))))))))))", "\"migration\"~100000", "title:[a TO z]",
                manyClauses, "AND OR NOT", "\\", "migration^999999999999");
        for (String q : queries) {
            HttpResponse<String> r = server.get("/api/search?q=" + enc(q));
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, q + " -> " + r.statusCode() + " " + r.body());
            assertTrue(server.parse(r.body()).isObject(), q);
        }
        assertEquals(400, server.get("/api/search?q=x&size=100000").statusCode());
        assertEquals(400, server.get("/api/search?q=x&cursor=" + "A".repeat(5000)).statusCode());
    }

    private static void writePdf(Path file, String text) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                cs.newLineAtOffset(72, 700);
                cs.showText(text.substring(0, text.length() / 2));
                cs.newLineAtOffset(0, -14);
                cs.showText(text.substring(text.length() / 2));
                cs.endText();
            }
            doc.save(file.toFile());
        }
    }
}
