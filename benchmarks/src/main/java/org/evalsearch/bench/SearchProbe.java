package org.evalsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evalsearch.api.SearchApp;
import org.evalsearch.query.SearchFilters;
import org.evalsearch.search.SearchRequest;
import org.evalsearch.search.SearchResult;
import org.evalsearch.search.SearchService;
import org.evalsearch.search.SortOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Only the search part, on one existing index, for profiling a change: the mix in-process (wall and CPU per
 * kind), optionally the server over HTTP with its CPU per request (from /proc, which a busy machine does not
 * inflate the way it inflates wall time), and optionally every answer written out to compare before and after.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Time the query mix on one existing index (in-process, and over HTTP with --server-jar).")
final class SearchProbe implements Callable<Integer> {
    /** Dumps list every facet value, so that a change in any count shows. */
    private static final int ALL_FACET_VALUES = SearchRequest.MAX_FACET_SIZE;

    @Option(names = "--index", required = true, description = "An existing index.")
    Path index;

    @Option(names = "--corpus", defaultValue = "corpus", description = "Corpus folder the server is given.")
    Path corpus;

    @Option(names = "--inprocess-seconds", defaultValue = "8", description = "0 skips the in-process run.")
    double inProcessSeconds;

    @Option(names = "--inprocess-rounds", defaultValue = "1", description = "Times the in-process run is repeated "
            + "and reported, one after another: the JIT compiler keeps working for a minute or two, and later rounds "
            + "show the settled cost.")
    int inProcessRounds;

    @Option(names = "--timeout-ms", defaultValue = "30000", description = "Time budget of one search, in-process "
            + "and in the server: longer than the server's 2 s, so that a busy machine does not cut a measured search "
            + "short.")
    long timeoutMillis;

    @Option(names = "--server-jar", description = "Also start this server jar and load it over HTTP.")
    Path serverJar;

    @Option(names = "--server-heap", defaultValue = "256m")
    String serverHeap;

    @Option(names = "--server-jvm-args", split = " ", description = "Extra JVM options of the server (e.g. JFR).")
    List<String> serverJvmArgs = new ArrayList<>();

    @Option(names = "--connections", split = ",", defaultValue = "1,50")
    List<Integer> connections;

    @Option(names = "--http-seconds", defaultValue = "8", description = "Per connection count.")
    double httpSeconds;

    @Option(names = "--paired-seconds", defaultValue = "0", description = "After the HTTP runs, each query of the mix "
            + "in-process and then over HTTP (one connection; the order swapped every round), for this long: both at "
            + "the same moment, so a machine whose load changes affects both alike; 0 skips this.")
    double pairedSeconds;

    @Option(names = "--kinds", split = ",", description = "Only these kinds of the mix (e.g. export_1000), to "
            + "time one kind of request alone; default: all.")
    List<String> kinds;

    @Option(names = "--dump", description = "Write every answer of the mix and of --dump-queries (JSON lines, "
            + "without took_ms) to this file, to compare answers before and after a change.")
    Path dump;

    @Option(names = "--dump-cache-mb", defaultValue = "0", description = "Memory for answers and search states "
            + "(the server's --cache-mb) while dumping; above 0, a second page reuses its first page's facet counts "
            + "and feedback words, so a dump with and without shows that they answer alike.")
    int dumpCacheMb;

    @Option(names = "--dump-queries", description = "JSON lines with 'query' and optional 'filters' "
            + "(e.g. the gold queries), each dumped plain, grouped by report and on page 2.")
    Path dumpQueries;

    @Option(names = "--later-pages-seconds", defaultValue = "0", description = "Also time, for each search of the "
            + "mix, its second page and its grouped view after its first page, on a service that keeps search states "
            + "(--cache-mb 32) and on one that computes them, alternately (thread CPU); 0 skips this.")
    double laterPagesSeconds;

    @Override
    public Integer call() throws Exception {
        BenchRunner.log("load average %s", Machine.loadAverage());
        try (InProcessSearch search = new InProcessSearch(index, timeoutMillis)) {
            List<QueryMix.Query> mix;
            mix = search.resolve(QueryMix.queries()).stream()
                    .filter(q -> kinds == null || kinds.contains(SearchBench.kind(q))).toList();
            if (mix.isEmpty()) {
                throw new IllegalArgumentException("no query of the mix is of the kinds " + kinds);
            }
            if (dump != null) {
                dumpAnswers(search, mix);
            }
            if (inProcessSeconds > 0) {
                SearchBench.warm(search, mix, 3);
                for (int round = 0; round < inProcessRounds; round++) {
                    ThreadCpu threads0 = ThreadCpu.of(ProcessHandle.current().pid());
                    SearchBench.InProcessResult r = SearchBench.inProcess(search, mix, inProcessSeconds);
                    System.out.println(inProcessTable(r));
                    System.out.printf("in-process JVM: %.2f ms CPU per query; %s%n", r.processCpuMsPerQuery(),
                            ThreadCpu.of(ProcessHandle.current().pid()).since(threads0, r.all().count()));
                }
                if (!searchRequests(search, mix).isEmpty()) {
                    System.out.println(jsonCost(search, mix));
                }
            }
            if (laterPagesSeconds > 0) {
                System.out.println(laterPages(search, mix, laterPagesSeconds));
            }
            if (serverJar != null) {
                http(search, mix);
            }
        }
        BenchRunner.log("load average %s", Machine.loadAverage());
        return 0;
    }

    private static String inProcessTable(SearchBench.InProcessResult r) {
        StringBuilder s = new StringBuilder("| kind | CPU p50 | CPU mean | wall p50 | wall p99 |\n|---|---|---|---|---|\n");
        Latencies cpuAll = new Latencies();
        r.byKind().forEach((kind, wall) -> {
            Latencies cpu = r.cpuByKind().get(kind);
            cpuAll.addAll(cpu);
            s.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f |%n", kind, cpu.percentileMs(50), cpu.meanMs(),
                    wall.percentileMs(50), wall.percentileMs(99)));
        });
        s.append(String.format("| all | %.2f | %.2f | %.2f | %.2f |%n", cpuAll.percentileMs(50), cpuAll.meanMs(),
                r.all().percentileMs(50), r.all().percentileMs(99)));
        s.append(String.format("in-process: %d queries, %.0f q/s on one thread, CPU mean %.2f ms/query%n",
                r.all().count(), r.queriesPerSecond(), cpuAll.meanMs()));
        return s.toString();
    }

    /** What writing the answers as the API's JSON costs, the part of the HTTP overhead that grows with answers. */
    private static String jsonCost(InProcessSearch search, List<QueryMix.Query> mix) throws IOException {
        ObjectMapper json = SearchApp.json();
        List<SearchResult> answers = new ArrayList<>();
        for (SearchRequest req : searchRequests(search, mix)) {
            answers.add(search.service().search(req));
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long bytes = 0;
        int rounds = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + 3_000_000_000L;
        for (; System.nanoTime() < end; rounds++) {
            for (SearchResult a : answers) {
                bytes += json.writeValueAsBytes(a).length;
            }
        }
        double perAnswer = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / ((double) rounds * answers.size());
        return String.format("JSON: %.2f ms CPU and %.0f KB per search answer (mean over the mix)%n", perAnswer,
                bytes / 1024.0 / rounds / answers.size());
    }

    private void http(InProcessSearch search, List<QueryMix.Query> mix) throws Exception {
        List<String> jvm = serverJvmArgs.stream().filter(a -> !a.isBlank()).toList();
        Path log = Files.createTempFile("evalsearch-probe-server", ".log");
        try (ServerProcess server = ServerProcess.start(serverJar, index, corpus, serverHeap, log, jvm,
                List.of("--query-timeout-ms", Long.toString(timeoutMillis)))) {
            System.out.printf("server start-up to first /api/health 200: %.2f s (log %s)%n", server.startupSeconds, log);
            List<HttpLoad.Request> requests = SearchBench.httpRequests(server, mix);
            HttpLoad load = new HttpLoad("127.0.0.1", server.port, requests);
            server.awaitSuggestions();
            load.run(8, 3, 0);
            System.out.println("| connections | req/s | p50 | p99 | server CPU ms/req | failed |\n|---|---|---|---|---|---|");
            Map<String, Latencies> oneConnection = null;
            List<String> threadLines = new ArrayList<>();
            for (int c : connections) {
                long cpu0 = server.cpuNanos();
                ThreadCpu threads0 = ThreadCpu.of(server.serverPid());
                HttpLoad.Result r = load.run(c, httpSeconds, 0);
                threadLines.add(c + " connections: " + ThreadCpu.of(server.serverPid()).since(threads0,
                        Math.max(1, r.requests())));
                double cpuMs = (server.cpuNanos() - cpu0) / 1e6 / Math.max(1, r.requests());
                System.out.printf("| %d | %.0f | %.2f | %.2f | %.2f | %d %s |%n", c, r.requestsPerSecond(),
                        r.all().percentileMs(50), r.all().percentileMs(99), cpuMs, r.failures(),
                        r.failureReasons().isEmpty() ? "" : r.failureReasons());
                if (c == 1) {
                    oneConnection = r.byKind();
                }
            }
            threadLines.forEach(System.out::println);
            if (oneConnection != null) {
                System.out.println("\n| kind (1 connection) | HTTP p50 |\n|---|---|");
                oneConnection.forEach((k, l) -> System.out.printf("| %s | %.2f |%n", k, l.percentileMs(50)));
            }
            if (pairedSeconds > 0) {
                System.out.println("\nPaired, in-process and HTTP query by query\n");
                System.out.println(PairedComparison.run(search, mix, server, load, requests, pairedSeconds).markdown());
            }
        }
    }

    /**
     * What a search's other views cost once its first page was asked: the second page and the grouped view, each
     * on a fresh service (so that no answer is kept) that keeps search states and on one that does not.
     */
    private static String laterPages(InProcessSearch search, List<QueryMix.Query> mix, double seconds)
            throws IOException {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<SearchRequest> firsts = new ArrayList<>();
        for (SearchRequest req : searchRequests(search, mix)) {
            if (req.cursor() == null && !req.groupByDoc()) {
                firsts.add(req);
            }
        }
        double[][] cpu = new double[2][2];
        int[] count = new int[2];
        long warmUpEnd = System.nanoTime() + 3_000_000_000L;
        long end = warmUpEnd + (long) (seconds * 1e9);
        for (int round = 0; System.nanoTime() < end; round++) {
            for (SearchRequest first : firsts) {
                for (int view = 0; view < 2; view++) {
                    for (int side = 0; side < 2; side++) {
                        boolean keeping = (side == 0) == (round % 2 == 0);
                        SearchService service = search.service(keeping ? 32 : 0);
                        String cursor = service.search(first).nextCursor();
                        if (view == 0 && cursor == null) {
                            continue;
                        }
                        SearchRequest later = new SearchRequest(first.q(), first.filters(), first.size(), first.sort(),
                                view == 0 ? cursor : null, view == 1, first.fold(), first.intent(), first.facetSize());
                        long cpu0 = threads.getCurrentThreadCpuTime();
                        service.search(later);
                        double ms = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
                        if (System.nanoTime() > warmUpEnd) {
                            cpu[view][keeping ? 0 : 1] += ms;
                            count[view] += keeping ? 1 : 0;
                        }
                    }
                }
            }
        }
        return String.format("later pages, CPU mean with kept search states / computed: page 2 %.2f / %.2f ms (%d), "
                        + "grouped view %.2f / %.2f ms (%d)%n", cpu[0][0] / count[0], cpu[0][1] / count[0], count[0],
                cpu[1][0] / count[1], cpu[1][1] / count[1], count[1]);
    }

    /** The search requests of the mix (the export is not one). */
    private static List<SearchRequest> searchRequests(InProcessSearch search, List<QueryMix.Query> mix) {
        List<SearchRequest> out = new ArrayList<>();
        for (QueryMix.Query q : mix) {
            if (q.kind() != QueryMix.Kind.EXPORT_1000) {
                out.add(search.request(q));
            }
        }
        return out;
    }

    /** Every answer, without the time it took, one JSON line per request. */
    private void dumpAnswers(InProcessSearch search, List<QueryMix.Query> mix) throws IOException {
        ObjectMapper json = SearchApp.json();
        SearchService service = search.service(dumpCacheMb);
        List<SearchRequest> requests = searchRequests(search, mix);
        // several filters at once: each filtered facet is counted without its own filter
        Map<String, List<String>> two = new LinkedHashMap<>();
        two.put("type", List.of("recommendation", "finding"));
        two.put("year", List.of("2010-2021"));
        for (String q : List.of("", "migration", "\"social dialogue\"")) {
            requests.add(new SearchRequest(q, SearchFilters.of(two), 10, SortOrder.RELEVANCE, null, false, true, true,
                    ALL_FACET_VALUES));
            requests.add(new SearchRequest(q, SearchFilters.of(two), 10, SortOrder.YEAR_DESC, null, true, false,
                    true, ALL_FACET_VALUES));
        }
        if (dumpQueries != null) {
            for (String line : Files.readAllLines(dumpQueries, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                var node = json.readTree(line);
                Map<String, List<String>> filters = new LinkedHashMap<>();
                if (node.has("filters")) {
                    node.get("filters").properties().forEach(e -> filters.put(e.getKey(),
                            e.getValue().isArray() ? json.convertValue(e.getValue(), List.class)
                                    : List.of(e.getValue().asText())));
                }
                String q = node.get("query").asText();
                SearchFilters f = SearchFilters.of(filters);
                SearchRequest firstPage = new SearchRequest(q, f, 10, SortOrder.RELEVANCE, null, false, true, true,
                        ALL_FACET_VALUES);
                requests.add(firstPage);
                requests.add(new SearchRequest(q, SearchFilters.of(Map.of()), 10, SortOrder.RELEVANCE, null, true,
                        true, true, ALL_FACET_VALUES));
                SearchResult first = service.search(firstPage);
                if (first.nextCursor() != null) {
                    requests.add(new SearchRequest(q, f, 10, SortOrder.RELEVANCE, first.nextCursor(), false, true,
                            true, ALL_FACET_VALUES));
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(dump, StandardCharsets.UTF_8)) {
            for (SearchRequest req : requests) {
                ObjectNode answer = json.valueToTree(service.search(req));
                answer.remove("took_ms");
                answer.put("request", req.q() + " " + req.filters().values() + (req.groupByDoc() ? " group" : "")
                        + (req.cursor() != null ? " page2" : ""));
                out.write(json.writeValueAsString(answer));
                out.newLine();
            }
        }
        System.out.printf("%d answers written to %s%n", requests.size(), dump);
    }
}
