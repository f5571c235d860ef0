package org.evalsearch.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.evalsearch.api.SearchApp;
import org.evalsearch.index.IndexRun;
import org.evalsearch.index.PassageVectors;
import org.evalsearch.pipeline.ExtractionLimits;
import org.evalsearch.query.SearchFilters;
import org.evalsearch.search.IndexAccess;
import org.evalsearch.search.SearchRequest;
import org.evalsearch.search.SearchService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Starts the search server: indexes the corpus folder first when the index folder holds no index yet, then
 * serves the API and the web page until stopped.
 */
@Command(name = "search-server", mixinStandardHelpOptions = true,
        description = "Serve faceted search over an evalsearch index (JSON API at /api, web page at /).")
public final class ServerMain implements Callable<Integer> {
    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    @Option(names = "--port", defaultValue = "${env:EVALSEARCH_PORT:-7070}",
            description = "Port (env EVALSEARCH_PORT; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "${env:EVALSEARCH_BIND:-127.0.0.1}",
            description = "Address to listen on (env EVALSEARCH_BIND; default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:EVALSEARCH_INDEX:-index}",
            description = "Index folder (env EVALSEARCH_INDEX; default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${env:EVALSEARCH_CORPUS:-corpus}",
            description = "Folder of PDFs: indexed when there is no index yet, and where PDFs are served from "
                    + "(env EVALSEARCH_CORPUS; default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--query-timeout-ms", defaultValue = "${env:EVALSEARCH_QUERY_TIMEOUT_MS:-2000}",
            description = "Time budget of one search; a search cut short says so (env EVALSEARCH_QUERY_TIMEOUT_MS; "
                    + "default: ${DEFAULT-VALUE}).")
    long queryTimeoutMs;

    @Option(names = "--cache-mb", defaultValue = "${env:EVALSEARCH_CACHE_MB:-32}",
            description = "Memory for search answers kept for requests asked again on the same index commit "
                    + "(env EVALSEARCH_CACHE_MB; default: ${DEFAULT-VALUE}; 0 searches every time).")
    int cacheMb;

    @Option(names = "--refresh-ms", defaultValue = "${env:EVALSEARCH_REFRESH_MS:-2000}",
            description = "How often to look for new index commits (env EVALSEARCH_REFRESH_MS; default: ${DEFAULT-VALUE}).")
    long refreshMs;

    @Option(names = "--threads", defaultValue = "${env:EVALSEARCH_THREADS:-0}",
            description = "Documents extracted in parallel when indexing first (env EVALSEARCH_THREADS; 0 = one per core).")
    int threads;

    @Option(names = "--vectors", negatable = true, defaultValue = "${env:EVALSEARCH_VECTORS:-true}",
            description = "Embed passages for dense retrieval when indexing first (env EVALSEARCH_VECTORS; default: "
                    + "${DEFAULT-VALUE}). Searches use them whenever the index has them.")
    boolean vectors;

    @Mixin
    SecurityOptions security;

    public static void main(String[] args) {
        // Jetty reads this padding width of its thread pool's queue from the platform MBean server when it is not
        // set, which starts JMX and parses the flight recorder's settings files on the start-up path (~190 classes
        // and an XML parse). 16 is Jetty's own answer for 64-byte cache lines and compressed references (heaps
        // under 32 GB); another value would only change the padding.
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
        System.exit(new CommandLine(new ServerMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            System.err.println("--port must be between 0 and 65535");
            return 2;
        }
        if (cacheMb < 0) {
            System.err.println("--cache-mb must be 0 or more");
            return 2;
        }
        if (Files.exists(index) && !Files.isDirectory(index)) {
            System.err.println("--index names a file, not a folder: " + index);
            return 2;
        }
        if (!indexExists(index)) {
            if (!Files.isDirectory(corpus)) {
                System.err.println("No index in " + index + " and no corpus folder " + corpus + " to build it from.");
                return 2;
            }
            indexCorpus();
        }
        IndexAccess access = IndexAccess.openInBackground(index, refreshMs);
        SearchService service = new SearchService(access, queryTimeoutMs, cacheMb);
        Consumer<JavalinConfig> extensions;
        try {
            extensions = security.extensions(access, corpus, index, workers());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            access.close();
            return 2;
        }
        Javalin app;
        try {
            app = SearchApp.create(service, corpus, extensions).start(bind, port);
        } catch (JavalinBindException e) {
            // Javalin says "port already in use" for every failure to bind; the cause says which it was
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("Cannot listen on " + bind + " port " + port + ": " + cause.getMessage());
            access.close();
            return 2;
        }
        String refusal = null;
        try {
            access.awaitOpen();
            service.prepareQueries();
        } catch (IOException e) {
            refusal = "Cannot read the index in " + index + " (" + e.getMessage() + "). If it is damaged, move it "
                    + "away and start again: the server rebuilds it from " + corpus + ".";
        } catch (RuntimeException e) {
            refusal = "Cannot start: " + e.getMessage();
        }
        if (refusal != null) {
            System.err.println(refusal);
            app.stop();
            access.close();
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                access.close();
            } catch (IOException e) {
                System.err.println("closing the index: " + e.getMessage());
            }
        }));
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        System.out.printf("Serving %s on http://%s:%d/ (index %s, corpus %s)%n",
                "evalsearch", host, app.port(), index.toAbsolutePath(), corpus.toAbsolutePath());
        Thread warm = new Thread(() -> {
            try {
                // like Solr's first-searcher queries: one search loads and compiles the query, facet and snippet
                // code, builds the parser for this index and, when the index has vectors, loads the embedding
                // model, which otherwise made the first user's search take seconds (over its time budget on a busy
                // machine)
                service.search(SearchRequest.of("evaluation", SearchFilters.none()));
            } catch (IOException | RuntimeException e) {
                System.err.println("warming up (embedding model, a first search) failed: " + e.getMessage());
            }
            try {
                service.suggestions().warm();
            } catch (IOException | RuntimeException e) {
                System.err.println("preparing suggestions failed: " + e.getMessage());
            }
        }, "warm-up");
        warm.setDaemon(true);
        warm.start();
        Thread.currentThread().join();
        return 0;
    }

    /**
     * What {@code DirectoryReader.indexExists} checks (a commit point among the files), without opening a
     * {@code Directory} here: that would load Lucene's memory-mapping layer on this thread, in series with the web
     * layer, when the index-open thread loads it anyway.
     */
    static boolean indexExists(Path index) throws IOException {
        if (!Files.isDirectory(index)) {
            return false;
        }
        try (Stream<Path> files = Files.list(index)) {
            return SegmentInfos.getLastCommitGeneration(
                    files.map(f -> f.getFileName().toString()).toArray(String[]::new)) >= 0;
        }
    }

    private void indexCorpus() throws IOException {
        System.out.println("No index in " + index + " yet: indexing " + corpus + " first.");
        IndexRun.Summary s = new IndexRun(corpus, index, workers(), ExtractionLimits.defaults(), false,
                vectors ? PassageVectors.Mode.ON : PassageVectors.Mode.OFF).run(new ProgressLine());
        System.out.printf("%nIndexed %d documents, %d pages, %d passages in %.1f s.%n",
                s.documents(), s.pages(), s.passages(), s.seconds());
        s.warnings().forEach(w -> System.out.printf("  warning, %s: %s%n", w.file(), w.message()));
        s.skipped().forEach(k -> System.out.printf("  skipped %s: %s%n", k.file(), k.reason()));
    }

    private int workers() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** One line of progress, rewritten as files finish. */
    private static final class ProgressLine implements IndexRun.Listener {
        private int files, done, pages, passages;

        @Override
        public void started(int files) {
            this.files = files;
            print();
        }

        @Override
        public synchronized void fileDone(String file, int pages, int passages) {
            done++;
            this.pages += pages;
            this.passages += passages;
            print();
        }

        @Override
        public synchronized void fileSkipped(String file, String reason) {
            done++;
            System.out.printf("%n  skipped %s: %s%n", file, reason);
            print();
        }

        private void print() {
            System.out.printf("\rIndexing: %d/%d files, %d pages, %d passages", done, files, pages, passages);
            System.out.flush();
        }
    }
}
