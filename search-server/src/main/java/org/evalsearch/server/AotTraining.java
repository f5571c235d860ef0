package org.evalsearch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the server's ahead-of-time cache, run by the build under
 * {@code java -XX:AOTCacheOutput=search-server.aot -cp search-server.jar}: it starts the server as
 * {@link ServerMain} does on an index of the corpus's smallest report and asks it what the web page asks (searches
 * with filters, grouping and paging, a passage, reports, the map, an export, suggestions, the page's files); the
 * JVM then writes the classes it loaded to the cache as it exits. The index is built by another JVM first, so that
 * the cache holds the server's classes, not the PDF extractor's, which every start would otherwise load.
 */
public final class AotTraining {
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final int ROUNDS = 3;

    private AotTraining() {
    }

    /** Arguments: the corpus folder and a work folder (emptied first). */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: AotTraining CORPUS_DIR WORK_DIR");
            System.exit(2);
        }
        try {
            Path index = indexSmallestReport(Path.of(args[0]), Path.of(args[1]));
            int port = freePort();
            Thread server = new Thread(() -> ServerMain.main(new String[] {"--index", index.toString(),
                    "--corpus", index.resolveSibling("corpus").toString(), "--port", Integer.toString(port)}),
                    "server");
            server.setDaemon(true);
            server.start();
            new Client(port).ask();
        } catch (Exception e) {
            System.err.println("AOT training run: " + e);
            // the server's threads would keep this JVM alive
            System.exit(1);
        }
        System.exit(0);
    }

    private static Path indexSmallestReport(Path corpus, Path work) throws IOException, InterruptedException {
        deleteTree(work);
        Path smallest;
        try (Stream<Path> files = Files.list(corpus)) {
            smallest = files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".pdf"))
                    .min(Comparator.comparingLong(AotTraining::size))
                    .orElseThrow(() -> new IOException("no PDF in " + corpus));
        }
        Path reports = Files.createDirectories(work.resolve("corpus"));
        Files.copy(smallest, reports.resolve(smallest.getFileName()));
        if (Files.exists(corpus.resolve("catalog.csv"))) {
            Files.copy(corpus.resolve("catalog.csv"), reports.resolve("catalog.csv"));
        }
        Path index = work.resolve("index");
        Path log = work.resolve("indexer.log");
        Process indexer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.evalsearch.cli.IndexerCli", "index", reports.toString(), "--index", index.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (indexer.waitFor() != 0) {
            throw new IOException("indexing " + smallest + " for the training run failed; see " + log);
        }
        return index;
    }

    /** The last build's training files, which the copy of the report would refuse to overwrite. */
    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** What the web page asks, in the order a visitor would. */
    private record Client(HttpClient http, String base) {
        private static final ObjectMapper JSON = new ObjectMapper();

        Client(int port) {
            this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), "http://127.0.0.1:" + port);
        }

        void ask() throws IOException, InterruptedException {
            awaitHealth();
            String passage = firstPassageId();
            String report = passage.substring(0, passage.lastIndexOf('#'));
            for (int round = 0; round < ROUNDS; round++) {
                for (String path : List.of("/", "/js/app.js", "/css/app.css", "/api/health",
                        "/api/search?q=evaluation", "/api/search?q=migrant+workers&type=recommendation",
                        "/api/search?q=%22labour+migration%22&group=doc", "/api/search?type=finding&sort=year_desc",
                        "/api/search?q=evaluaton+of+statistics&size=5",
                        "/api/suggest?q=mi", "/api/passages/" + encode(passage), "/api/documents",
                        "/api/documents/" + encode(report), "/api/map?rows=criterion&cols=theme",
                        "/api/export?q=migration&format=csv", "/api/openapi.json")) {
                    get(path);
                }
                String next = json("/api/search?q=evaluation&size=2").path("next_cursor").asText(null);
                if (next != null) {
                    get("/api/search?q=evaluation&size=2&cursor=" + encode(next));
                }
            }
        }

        private void awaitHealth() throws InterruptedException, IOException {
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (send("/api/health").statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IOException("the server did not answer within " + START_LIMIT);
        }

        private String firstPassageId() throws IOException, InterruptedException {
            JsonNode hits = json("/api/search?q=evaluation&size=1").path("hits");
            if (hits.isEmpty()) {
                throw new IOException("the training index answered no passage");
            }
            return hits.get(0).path("id").asText();
        }

        private JsonNode json(String path) throws IOException, InterruptedException {
            return JSON.readTree(get(path));
        }

        private String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = send(path);
            if (r.statusCode() != 200) {
                throw new IOException("GET " + path + " -> " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        private HttpResponse<String> send(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
