package org.evalsearch.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.evalsearch.api.SearchApp;
import org.evalsearch.index.IndexRun;
import org.evalsearch.search.IndexAccess;
import org.evalsearch.search.SearchService;

/** The real application on a random loopback port over an index of a few bundled reports, and a raw HTTP client. */
final class SecuredServer implements AutoCloseable {
    private final IndexAccess access;
    private final Javalin app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    final int port;

    private SecuredServer(IndexAccess access, Javalin app) {
        this.access = access;
        this.app = app;
        this.port = app.port();
        this.base = "http://127.0.0.1:" + port;
    }

    /** Copies the named bundled reports into {@code corpus}, indexes them and starts the app. */
    static SecuredServer start(Path corpus, Path index, Function<IndexAccess, Consumer<JavalinConfig>> extensions,
                               String... reports)
            throws IOException {
        Files.createDirectories(corpus);
        for (String r : reports) {
            Files.copy(Path.of("..", "corpus", r), corpus.resolve(r));
        }
        IndexRun.Summary s = new IndexRun(corpus, index, 2).run(new IndexRun.Listener() {
            @Override public void started(int files) {}
            @Override public void fileDone(String file, int pages, int passages) {}
            @Override public void fileSkipped(String file, String reason) {
                throw new AssertionError("test report skipped: " + file + ": " + reason);
            }
        });
        if (s.passages() == 0) {
            throw new AssertionError("test index is empty");
        }
        IndexAccess access = IndexAccess.open(index, 200);
        Javalin app = SearchApp.create(new SearchService(access, 2000), corpus, extensions.apply(access)).start("127.0.0.1", 0);
        return new SecuredServer(access, app);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET of a raw path and query, sent as written (no encoding added). */
    HttpResponse<String> get(String rawPathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + rawPathAndQuery)).GET());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return new ObjectMapper().readTree(r.body());
    }

    @Override
    public void close() throws IOException {
        app.stop();
        access.close();
    }
}
