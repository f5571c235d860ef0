package org.evalsearch.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.evalsearch.index.IndexRun;
import org.evalsearch.search.IndexAccess;
import org.evalsearch.search.SearchService;

/** A real server on a random loopback port over an index built from a folder of PDFs, and an HTTP client. */
final class TestServer implements AutoCloseable {
    static final Path BUNDLED_CORPUS = Path.of("..", "corpus");

    private final IndexAccess access;
    private final Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    final String base;

    private TestServer(IndexAccess access, Javalin app) {
        this.access = access;
        this.app = app;
        this.base = "http://127.0.0.1:" + app.port();
    }

    static TestServer start(Path corpus, Path indexDir) throws IOException {
        IndexRun.Summary s = new IndexRun(corpus, indexDir, 2).run(new IndexRun.Listener() {
            @Override public void started(int files) {}
            @Override public void fileDone(String file, int pages, int passages) {}
            @Override public void fileSkipped(String file, String reason) {
                throw new AssertionError("test corpus file skipped: " + file + ": " + reason);
            }
        });
        if (s.passages() == 0) {
            throw new AssertionError("test index is empty");
        }
        return over(indexDir, corpus);
    }

    /** A server over an index that already exists. */
    static TestServer over(Path indexDir, Path corpus) throws IOException {
        IndexAccess access = IndexAccess.open(indexDir, 200);
        Javalin app = SearchApp.create(new SearchService(access, 5000), corpus).start("127.0.0.1", 0);
        return new TestServer(access, app);
    }

    /** @param headers names and values, alternating */
    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The JSON answer of a GET that must succeed. */
    JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    JsonNode parse(String body) throws IOException {
        return json.readTree(body);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        app.stop();
        access.close();
    }
}
