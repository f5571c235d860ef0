package org.evalsearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each query of the mix in-process and then over HTTP (one connection, the order swapped every round), so that
 * both sides meet the same load on the machine: timed apart, minutes away from each other, the two p50s moved by
 * more than the 1 ms they are compared against. Gaps are HTTP minus in-process, per pair, so they may be negative.
 */
record PairedComparison(Latencies inProcess, Latencies http, Latencies gaps,
                        Map<String, Latencies> inProcessByKind, Map<String, Latencies> httpByKind,
                        Map<String, Latencies> gapsByKind, Latencies healthAfterHttp, Latencies healthAfterIdle,
                        double inProcessCpuMsPerQuery, double serverCpuMsPerQuery, String serverThreads,
                        String loadAverage) {

    /** Runs pairs for {@code seconds}; {@code requests} are the API calls of {@code mix}, in the same order. */
    static PairedComparison run(InProcessSearch search, List<QueryMix.Query> mix, ServerProcess server,
                                HttpLoad load, List<HttpLoad.Request> requests, double seconds) throws IOException {
        Map<String, Latencies> localByKind = new LinkedHashMap<>();
        Map<String, Latencies> httpByKind = new LinkedHashMap<>();
        Map<String, Latencies> gapsByKind = new LinkedHashMap<>();
        Latencies local = new Latencies();
        Latencies http = new Latencies();
        Latencies gaps = new Latencies();
        Latencies healthAfterHttp = new Latencies();
        Latencies healthAfterIdle = new Latencies();
        long[] localCpu = {0};
        long serverCpu0 = server.cpuNanos();
        ThreadCpu serverThreads0 = ThreadCpu.of(server.serverPid());
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int round = 0; System.nanoTime() < end; round++) {
            for (int i = 0; i < mix.size(); i++) {
                QueryMix.Query query = mix.get(i);
                String path = requests.get(i).path();
                long localNanos;
                long httpNanos;
                if (round % 2 == 0) {
                    localNanos = inProcess(search, query, localCpu);
                    httpNanos = overHttp(load, path);
                } else {
                    httpNanos = overHttp(load, path);
                    localNanos = inProcess(search, query, localCpu);
                }
                // the fixed cost of a round trip at this moment, a request whose answer costs next to nothing: right
                // after the server's answer, or after the in-process query, when the server sat idle for its length
                (round % 2 == 0 ? healthAfterHttp : healthAfterIdle).add(overHttp(load, "/api/health"));
                String kind = SearchBench.kind(query);
                localByKind.computeIfAbsent(kind, k -> new Latencies()).add(localNanos);
                httpByKind.computeIfAbsent(kind, k -> new Latencies()).add(httpNanos);
                gapsByKind.computeIfAbsent(kind, k -> new Latencies()).add(httpNanos - localNanos);
                local.add(localNanos);
                http.add(httpNanos);
                gaps.add(httpNanos - localNanos);
            }
        }
        int pairs = local.count();
        return new PairedComparison(local, http, gaps, localByKind, httpByKind, gapsByKind, healthAfterHttp,
                healthAfterIdle, localCpu[0] / 1e6 / pairs, (server.cpuNanos() - serverCpu0) / 1e6 / pairs,
                ThreadCpu.of(server.serverPid()).since(serverThreads0, pairs), Machine.loadAverage());
    }

    /** Nanoseconds one query took in-process; its thread CPU is added to {@code cpu[0]}. */
    private static long inProcess(InProcessSearch search, QueryMix.Query query, long[] cpu) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        search.run(query);
        long took = System.nanoTime() - t0;
        cpu[0] += threads.getCurrentThreadCpuTime() - cpu0;
        return took;
    }

    /** Nanoseconds one request took over HTTP, failing on anything but 200. */
    private static long overHttp(HttpLoad load, String path) throws IOException {
        long t0 = System.nanoTime();
        int status = load.sendOne(path);
        long took = System.nanoTime() - t0;
        if (status != 200) {
            throw new IOException("HTTP " + status + " for " + path);
        }
        return took;
    }

    /** HTTP p50 minus in-process p50, in ms. */
    double p50GapMs() {
        return http.percentileMs(50) - inProcess.percentileMs(50);
    }

    String markdown() {
        StringBuilder s = new StringBuilder(String.format("%d queries each side, load average at the end %s.%n%n",
                inProcess.count(), loadAverage));
        s.append("| kind | in-process p50 | HTTP p50 | median of HTTP - in-process, pair by pair |\n"
                + "|---|---|---|---|\n");
        inProcessByKind.forEach((kind, l) -> s.append(String.format("| %s | %.2f | %.2f | %+.2f |%n", kind,
                l.percentileMs(50), httpByKind.get(kind).percentileMs(50), gapsByKind.get(kind).percentileMs(50))));
        s.append(String.format("| all | %.2f | %.2f | %+.2f |%n%n", inProcess.percentileMs(50), http.percentileMs(50),
                gaps.percentileMs(50)));
        s.append(String.format("- `/api/health` asked between pairs (a round trip whose answer costs next to "
                + "nothing): right after the server's answer p50 %.2f ms, p90 %.2f; after the in-process query, the "
                + "server idle for its length, p50 %.2f ms, p90 %.2f.%n", healthAfterHttp.percentileMs(50),
                healthAfterHttp.percentileMs(90), healthAfterIdle.percentileMs(50), healthAfterIdle.percentileMs(90)));
        s.append(String.format("- CPU per query: in-process thread %.2f ms; server process %.2f ms, the health "
                + "requests included (%s).%n", inProcessCpuMsPerQuery, serverCpuMsPerQuery, serverThreads));
        return s.toString();
    }
}
