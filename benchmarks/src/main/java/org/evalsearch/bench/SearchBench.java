package org.evalsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query mix timed in-process (one thread, after a warm-up) and turned into the HTTP calls of the API. */
final class SearchBench {

    /**
     * {@code cpuByKind}: CPU time of the measuring thread per query, which a busy machine does not inflate.
     * {@code processCpuMsPerQuery}: CPU time of the whole JVM per query (collector and compiler threads too), to
     * set beside the server's CPU per request.
     */
    record InProcessResult(Latencies all, Map<String, Latencies> byKind, Map<String, Latencies> cpuByKind,
                           double seconds, double processCpuMsPerQuery) {
        double queriesPerSecond() {
            return all.count() / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs the mix untimed for {@code seconds}. */
    static void warm(InProcessSearch search, List<QueryMix.Query> mix, double seconds) throws IOException {
        loop(search, mix, seconds, null, null, null);
    }

    /** The mix timed for {@code seconds}, after whatever warm-up the caller ran ({@link #warm}). */
    static InProcessResult inProcess(InProcessSearch search, List<QueryMix.Query> mix, double seconds)
            throws IOException {
        Latencies all = new Latencies();
        Map<String, Latencies> byKind = new LinkedHashMap<>();
        Map<String, Latencies> cpuByKind = new LinkedHashMap<>();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long sink = loop(search, mix, seconds, all, byKind, cpuByKind);
        double took = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (processCpuNanos() - cpu0) / 1e6 / all.count();
        if (sink == 42) {
            System.out.print("");
        }
        return new InProcessResult(all, byKind, cpuByKind, took, cpuMs);
    }

    private static long processCpuNanos() throws IOException {
        return ProcessHandle.current().info().totalCpuDuration()
                .orElseThrow(() -> new IOException("the system does not report this process's CPU time")).toNanos();
    }

    private static long loop(InProcessSearch search, List<QueryMix.Query> mix, double seconds, Latencies all,
                             Map<String, Latencies> byKind, Map<String, Latencies> cpuByKind) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long sink = 0;
        for (int i = 0; System.nanoTime() < end || i % mix.size() != 0; i++) {
            QueryMix.Query q = mix.get(i % mix.size());
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            sink += search.run(q);
            long took = System.nanoTime() - t;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            if (all != null) {
                all.add(took);
                byKind.computeIfAbsent(kind(q), k -> new Latencies()).add(took);
                cpuByKind.computeIfAbsent(kind(q), k -> new Latencies()).add(cpu);
            }
        }
        return sink;
    }

    static String kind(QueryMix.Query q) {
        return q.kind().name().toLowerCase();
    }

    /** The API call of each query; the deep cursor is found by following {@code next_cursor} page by page. */
    static List<HttpLoad.Request> httpRequests(ServerProcess server, List<QueryMix.Query> mix)
            throws IOException, InterruptedException {
        List<HttpLoad.Request> out = new ArrayList<>();
        for (QueryMix.Query q : mix) {
            String params = q.params();
            String path = switch (q.kind()) {
                case GROUP_BY_REPORT -> "/api/search?" + params + "&group=doc";
                case EXPORT_1000 -> "/api/export?" + params + "&format=json";
                case DEEP_CURSOR -> deepCursorPath(server, params);
                default -> "/api/search?" + join(params, "size=" + QueryMix.PAGE_SIZE);
            };
            server.get(path);
            out.add(new HttpLoad.Request(kind(q), path));
        }
        return out;
    }

    private static String deepCursorPath(ServerProcess server, String params) throws IOException,
            InterruptedException {
        String first = "/api/search?" + join(params, "size=" + QueryMix.PAGE_SIZE);
        String cursor = null;
        for (int page = 0; page < QueryMix.CURSOR_PAGES; page++) {
            String path = cursor == null ? first : first + "&cursor=" + QueryMix.enc(cursor);
            JsonNode next = JSON.readTree(server.get(path)).get("next_cursor");
            if (next == null || next.isNull()) {
                break;
            }
            cursor = next.asText();
        }
        return cursor == null ? first : first + "&cursor=" + QueryMix.enc(cursor);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "&" + b;
    }
}
