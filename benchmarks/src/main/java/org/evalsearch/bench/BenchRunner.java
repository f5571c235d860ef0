package org.evalsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs every benchmark in one go and writes the Markdown report. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run all benchmarks and write the report.")
final class BenchRunner implements Callable<Integer> {

    @Option(names = "--source", defaultValue = "corpus", description = "Bundled corpus (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--work", defaultValue = "${java.io.tmpdir}/evalsearch-bench",
            description = "Work folder: scaled corpora, indexes, logs (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--scales", split = ",", defaultValue = "1,10,100", description = "Default: ${DEFAULT-VALUE}.")
    List<Integer> scales;

    @Option(names = "--indexer-jar", defaultValue = "indexer/target/indexer.jar")
    Path indexerJar;

    @Option(names = "--indexer-jvm-args", split = " ", defaultValue = "",
            description = "JVM options for the indexer (default: none, as users run it).")
    List<String> indexerJvmArgs;

    @Option(names = "--server-jar", defaultValue = "search-server/target/search-server.jar")
    Path serverJar;

    @Option(names = "--server-heap", defaultValue = "256m")
    String serverHeap;

    @Option(names = "--inprocess-seconds", defaultValue = "8")
    double inProcessSeconds;

    @Option(names = "--http-seconds", defaultValue = "10", description = "Per concurrency level.")
    double httpSeconds;

    @Option(names = "--connections", split = ",", defaultValue = "1,8,50")
    List<Integer> connections;

    @Option(names = "--rate", defaultValue = "1000",
            description = "Fixed request rate (req/s) of the open-loop run at the highest connection count.")
    double rate;

    @Option(names = "--warmup-seconds", defaultValue = "20",
            description = "Queries run before each timed search part, in-process and on each server started. A server "
                    + "just started still compiles its search code for about a minute (C2 took 7 of 20 CPU-s in a "
                    + "1-connection run begun 25 s after start), while the in-process JVM at 100x has run the 1x and "
                    + "10x parts already; a server that has been up a while is the case users meet.")
    double warmupSeconds;

    @Option(names = "--warmup-max-seconds", defaultValue = "90",
            description = "The warm-ups of the two JVMs compared (in-process, and the server with the answer cache "
                    + "off) go on past --warmup-seconds, 5 s at a time, until the JVM's compiler threads took under "
                    + "3% of its CPU over the last 5 s, up to this long.")
    double warmupMaxSeconds;

    @Option(names = "--paired-seconds", defaultValue = "60",
            description = "After the cache-off runs on the largest index, each query of the mix in-process and over "
                    + "HTTP one right after the other for this long, so that both meet the same load; 0 skips this.")
    double pairedSeconds;

    @Option(names = "--load-seconds", defaultValue = "60",
            description = "Length of the load run (highest connection count, closed loop) on the largest index.")
    double loadSeconds;

    @Option(names = "--vectors", description = "Index with passage vectors (dense retrieval, the indexer's default), "
            + "at about 38 ms of CPU per passage; by default the benchmark indexes with --no-vectors, the setting "
            + "the README gives for big archives.")
    boolean vectors;

    @Option(names = "--reuse-indexes", description = "Keep the indexes of a previous run: no indexing benchmark.")
    boolean reuseIndexes;

    @Option(names = "--out", defaultValue = "benchmarks/results/latest.md")
    Path out;

    @Option(names = "--readme", defaultValue = "benchmarks/README.md",
            description = "README whose results section (between the results markers) gets the new report; "
                    + "skipped when the file or its markers are missing (default: ${DEFAULT-VALUE}).")
    Path readme;

    private final Report report = new Report();

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        // an interrupted run must not leave a server or an indexer behind
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        Files.createDirectories(work);
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        ScaledCorpus corpus = new ScaledCorpus(source, work.resolve("corpus"));
        IndexingBench indexing = new IndexingBench(indexerJar,
                indexerJvmArgs.stream().filter(s -> !s.isBlank()).toList(), vectors);
        boolean http = Files.isRegularFile(serverJar);
        int largest = scales.stream().mapToInt(Integer::intValue).max().orElseThrow();
        report.machine = Machine.describe();
        report.vectors = vectors;

        for (int scale : scales) {
            log("x%d: generating corpus", scale);
            Path folder = corpus.folder(scale);
            Path index = work.resolve("index-x" + scale);
            if (!reuseIndexes || !Files.isDirectory(index)) {
                log("x%d: indexing + pdftotext", scale);
                IndexingBench.Result ix = indexing.run(scale, folder, index, logs);
                report.indexing.add(ix);
                log("x%d: %s", scale, ix);
            }

            // open until the paired run on the largest index, which times this same warmed service against HTTP
            try (InProcessSearch search = new InProcessSearch(index)) {
                List<QueryMix.Query> mix = search.resolve(QueryMix.queries());
                report.substitutions.addAll(search.substitutions.stream().map(s -> "x" + scale + ": " + s).toList());
                log("x%d: in-process search", scale);
                report.warmUps.put("in-process, " + scale + "x", JitWarmUp.run(ProcessHandle.current().pid(),
                        warmupSeconds, warmupMaxSeconds, seconds -> SearchBench.warm(search, mix, seconds)));
                report.inProcess.put(scale, SearchBench.inProcess(search, mix, inProcessSeconds));
                if (scale == largest) {
                    report.mix = mix;
                }
                writeReport(t0, false);
                if (!http) {
                    log("x%d: no server jar at %s, HTTP part skipped", scale, serverJar);
                    continue;
                }
                cachedRuns(scale, index, folder, mix, logs, scale == largest);
                writeReport(t0, false);
                if (scale == largest) {
                    report.httpUncached = uncachedRuns(scale, index, folder, search, mix, logs);
                    writeReport(t0, false);
                }
            }
        }
        System.out.println(writeReport(t0, true));
        return 0;
    }

    /**
     * The mix over HTTP to the server as shipped (answer cache on): closed loop at each connection count, the fixed
     * rate at the highest, and on the largest index the load run.
     */
    private void cachedRuns(int scale, Path index, Path folder, List<QueryMix.Query> mix, Path logs, boolean largest)
            throws Exception {
        try (ServerProcess server = ServerProcess.start(serverJar, index, folder, serverHeap,
                logs.resolve("server-x" + scale + ".log"))) {
            report.startup.put(scale, server.startupSeconds);
            HttpLoad load = new HttpLoad("127.0.0.1", server.port, SearchBench.httpRequests(server, mix));
            server.awaitSuggestions();
            load.run(8, warmupSeconds, 0);
            List<HttpLoad.Result> runs = new ArrayList<>();
            for (int c : connections) {
                log("x%d: HTTP closed loop, %d connections", scale, c);
                runs.add(load.run(c, httpSeconds, 0));
            }
            int most = connections.stream().mapToInt(Integer::intValue).max().orElseThrow();
            log("x%d: HTTP fixed rate %.0f/s, %d connections", scale, rate, most);
            runs.add(load.run(most, httpSeconds, rate));
            report.http.put(scale, runs);
            if (largest && loadSeconds > 0) {
                report.loadRun = loadRun(server, load, most);
            }
        }
    }

    /**
     * The mix over HTTP with the server's answer cache off: the mix repeats its requests, so the server as
     * shipped answers nearly all of them from its cache; this is what computing every answer costs.
     */
    private List<HttpLoad.Result> uncachedRuns(int scale, Path index, Path folder, InProcessSearch search,
                                               List<QueryMix.Query> mix, Path logs)
            throws IOException, InterruptedException {
        try (ServerProcess server = ServerProcess.start(serverJar, index, folder, serverHeap,
                logs.resolve("server-x" + scale + "-no-cache.log"), List.of(), List.of("--cache-mb", "0"))) {
            List<HttpLoad.Request> requests = SearchBench.httpRequests(server, mix);
            HttpLoad load = new HttpLoad("127.0.0.1", server.port, requests);
            server.awaitSuggestions();
            report.warmUps.put("server, " + scale + "x, cache off", JitWarmUp.run(server.serverPid(), warmupSeconds,
                    warmupMaxSeconds, seconds -> load.run(8, seconds, 0)));
            List<HttpLoad.Result> runs = new ArrayList<>();
            for (int c : List.of(1, connections.stream().mapToInt(Integer::intValue).max().orElseThrow())) {
                log("x%d: HTTP closed loop, %d connections, answer cache off", scale, c);
                long cpu0 = server.cpuNanos();
                HttpLoad.Result r = load.run(c, httpSeconds, 0);
                if (c == 1) {
                    report.uncachedServerCpuMsPerRequest = (server.cpuNanos() - cpu0) / 1e6 / Math.max(1, r.requests());
                }
                runs.add(r);
            }
            if (pairedSeconds > 0) {
                log("x%d: in-process and HTTP query by query, answer cache off", scale);
                report.paired = PairedComparison.run(search, mix, server, load, requests, pairedSeconds);
            }
            return runs;
        }
    }

    /** Writes what is measured so far (so an interrupted run leaves its figures), the README too when done. */
    private String writeReport(long t0, boolean done) throws IOException {
        report.totalSeconds = (System.nanoTime() - t0) / 1e9;
        report.serverHeap = serverHeap;
        report.rate = rate;
        report.done = done;
        String md = report.markdown();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        if (done) {
            updateReadme(md);
        }
        log("report written to %s", out);
        return md;
    }

    /** The load run: heap after GC and RSS before and after a long closed-loop run, RSS sampled during it. */
    private Report.LoadRun loadRun(ServerProcess server, HttpLoad load, int connections) throws Exception {
        log("load run: %d connections, %.0f s", connections, loadSeconds);
        double heapBefore = server.heapAfterGcMb();
        double rssBefore = server.rssMb();
        List<Double> rss = new ArrayList<>();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(5000);
                    rss.add(server.rssMb());
                }
            } catch (InterruptedException | IOException stop) {
                // sampling ends with the run
            }
        });
        HttpLoad.Result r = load.run(connections, loadSeconds, 0);
        sampler.interrupt();
        sampler.join();
        double heapAfter = server.heapAfterGcMb();
        return new Report.LoadRun(r, heapBefore, heapAfter, rssBefore, server.rssMb(), List.copyOf(rss),
                server.alive());
    }

    private static final String BEGIN = "<!-- results:begin -->";
    private static final String END = "<!-- results:end -->";

    /** Puts the report between the README's results markers, one heading level down. */
    private void updateReadme(String md) throws IOException {
        if (!Files.isRegularFile(readme)) {
            return;
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            return;
        }
        String body = md.replaceAll("(?m)^#", "##");
        Files.writeString(readme, text.substring(0, begin + BEGIN.length()) + "\n" + body + text.substring(end),
                StandardCharsets.UTF_8);
        log("results copied into %s", readme);
    }

    static void log(String fmt, Object... args) {
        System.err.printf("[%s] %s%n", ZonedDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                String.format(fmt, args));
    }

    /** Everything measured, and its rendering as Markdown. */
    static final class Report {
        record LoadRun(HttpLoad.Result result, double heapBeforeMb, double heapAfterMb, double rssBeforeMb,
                       double rssAfterMb, List<Double> rssSamples, boolean aliveAfter) {}

        String machine;
        boolean done;
        String serverHeap;
        double rate;
        double totalSeconds;
        List<QueryMix.Query> mix;
        final List<String> substitutions = new ArrayList<>();
        final List<IndexingBench.Result> indexing = new ArrayList<>();
        final Map<Integer, SearchBench.InProcessResult> inProcess = new LinkedHashMap<>();
        final Map<Integer, Double> startup = new LinkedHashMap<>();
        final Map<Integer, List<HttpLoad.Result>> http = new LinkedHashMap<>();
        List<HttpLoad.Result> httpUncached = List.of();
        /** The whole server's CPU per request in the 1-connection run with the answer cache off. */
        double uncachedServerCpuMsPerRequest = Double.NaN;
        /** Seconds of warm-up each compared JVM needed to settle (see --warmup-max-seconds). */
        final Map<String, Double> warmUps = new LinkedHashMap<>();
        LoadRun loadRun;
        /** In-process and HTTP (cache off) query by query on the largest index. */
        PairedComparison paired;
        boolean vectors;

        String markdown() {
            StringBuilder s = new StringBuilder();
            s.append("# evalsearch benchmarks\n\n");
            s.append("Run ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .append(String.format(" in %.0f s%s. Machine: %s.%n%n", totalSeconds,
                            done ? "" : " (INCOMPLETE: the run is still going or was interrupted)", machine));
            s.append(vectors
                    ? "Indexes built with passage vectors (`index` default: dense retrieval on).\n\n"
                    : "Indexes built with `index --no-vectors` (words only, the setting for big archives; dense "
                            + "retrieval's embedding costs about 38 ms of CPU per passage, see the README).\n\n");
            s.append(Markdown.indexing(indexing));
            s.append(Markdown.search(inProcess, http, httpUncached, uncachedServerCpuMsPerRequest, rate, serverHeap));
            s.append(Markdown.warmUps(warmUps));
            s.append(Markdown.byKind(inProcess, http, httpUncached));
            s.append(Markdown.paired(paired, inProcess));
            s.append(Markdown.server(startup, indexing, loadRun, serverHeap));
            s.append(Markdown.growth(indexing, inProcess, http));
            s.append(Markdown.targets(indexing, inProcess, http, httpUncached, paired, startup, loadRun, rate));
            s.append(Markdown.mix(mix, substitutions));
            return s.toString();
        }
    }
}
