package org.evalsearch.bench;

import java.util.List;
import java.util.Map;

/** The report's tables. Latencies in ms. */
final class Markdown {
    static final double TARGET_RATIO = 1.5;
    static final double TARGET_P99_MS = 25;
    static final double TARGET_RPS = 1000;
    static final double TARGET_P50_GAP_MS = 1;
    static final double TARGET_STARTUP_S = 2;

    private Markdown() {}

    static String indexing(List<IndexingBench.Result> rs) {
        StringBuilder s = new StringBuilder("## Indexing (end-to-end `index`, fresh index) vs `pdftotext`\n\n");
        s.append("Wall-clock seconds, with CPU seconds (user + system) in brackets: `index` uses every core, "
                + "`pdftotext` runs file after file on one.\n\n");
        s.append("| scale | PDFs | pages | passages | index s (CPU s) | pages/s | peak RSS MB | pdftotext s (CPU s) "
                + "| ours/pdftotext wall (CPU) | index MB | KB/page |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (IndexingBench.Result r : rs) {
            s.append(String.format("| %dx | %d | %d | %d | %.1f (%.1f) | %.0f | %.0f | %.1f (%.1f) | %.2f (%.2f) "
                            + "| %.1f | %.1f |%n",
                    r.scale(), r.files(), r.pages(), r.passages(), r.indexSeconds(), r.indexCpuSeconds(),
                    r.pagesPerSecond(), r.peakRssMb(), r.pdftotextSeconds(), r.pdftotextCpuSeconds(), r.ratio(),
                    r.indexCpuSeconds() / r.pdftotextCpuSeconds(), r.indexBytes() / 1e6,
                    r.indexBytes() / 1024.0 / r.pages()));
        }
        return s.append('\n').toString();
    }

    /** How long each compared JVM warmed up before its timed part. */
    static String warmUps(Map<String, Double> seconds) {
        if (seconds.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(String.format("Warm-up before the timed part, until the JVM's compiler "
                + "threads took under %.0f%% of its CPU over %.0f s:", JitWarmUp.SETTLED_SHARE * 100,
                JitWarmUp.CHUNK_SECONDS));
        seconds.forEach((what, secs) -> s.append(String.format(" %s %.0f s;", what, secs)));
        s.setLength(s.length() - 1);
        return s.append(".\n\n").toString();
    }

    static String search(Map<Integer, SearchBench.InProcessResult> in, Map<Integer, List<HttpLoad.Result>> http,
                         List<HttpLoad.Result> uncached, double uncachedServerCpuMs, double rate, String heap) {
        StringBuilder s = new StringBuilder("## Search: the query mix in-process and over HTTP\n\n");
        s.append("In-process: one thread on the server's SearchService without its answer cache, so every answer "
                        + "is computed. HTTP: the server as shipped, under -Xmx").append(heap)
                .append(", closed loop (each connection sends its next request when the answer arrives: max "
                        + "throughput) and an open loop at a fixed rate (latency from when a request was due). The "
                        + "server keeps the answers of searches asked again on the same index commit; the mix "
                        + "repeats its requests, so after their first round every search of the mix is answered "
                        + "from that cache, and only the export is computed each time. The rows 'cache off' run "
                        + "the server with `--cache-mb 0`: every answer computed.\n\n");
        s.append("| scale | where | connections | req/s | p50 | p95 | p99 | failed | not sent |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (var e : in.entrySet()) {
            SearchBench.InProcessResult r = e.getValue();
            s.append(String.format("| %dx | in-process | 1 thread | %.0f | %.2f | %.2f | %.2f | 0 | - |%n", e.getKey(),
                    r.queriesPerSecond(), r.all().percentileMs(50), r.all().percentileMs(95),
                    r.all().percentileMs(99)));
            for (HttpLoad.Result h : http.getOrDefault(e.getKey(), List.of())) {
                s.append(String.format("| %dx | HTTP %s | %d | %.0f | %.2f | %.2f | %.2f | %d | %s |%n", e.getKey(),
                        h.rate() > 0 ? String.format("fixed %.0f/s", h.rate()) : "closed loop", h.connections(),
                        h.requestsPerSecond(), h.all().percentileMs(50), h.all().percentileMs(95),
                        h.all().percentileMs(99), h.failures(), h.rate() > 0 ? Long.toString(h.notSent()) : "-"));
            }
            if (e.getKey() == largest(in)) {
                for (HttpLoad.Result h : uncached) {
                    s.append(String.format("| %dx | HTTP closed loop, cache off | %d | %.0f | %.2f | %.2f | %.2f | %d "
                                    + "| - |%n", e.getKey(), h.connections(), h.requestsPerSecond(),
                            h.all().percentileMs(50), h.all().percentileMs(95), h.all().percentileMs(99),
                            h.failures()));
                }
            }
        }
        s.append('\n');
        HttpLoad.Result oneUncached = oneConnection(uncached);
        if (oneUncached != null && in.containsKey(largest(in))) {
            SearchBench.InProcessResult r = in.get(largest(in));
            s.append(String.format("- %dx, every answer computed: HTTP (1 connection, cache off) / in-process p50 = "
                            + "%.2f / %.2f ms = %.2fx (%+.2f ms)%n", largest(in), oneUncached.all().percentileMs(50),
                    r.all().percentileMs(50), oneUncached.all().percentileMs(50) / r.all().percentileMs(50),
                    oneUncached.all().percentileMs(50) - r.all().percentileMs(50)));
            if (!Double.isNaN(uncachedServerCpuMs)) {
                s.append(String.format("- %dx, every answer computed: CPU per answer of the whole JVM (collector and "
                                + "compiler threads too): server, 1 connection, %.2f ms; in-process %.2f ms (%+.2f ms)%n",
                        largest(in), uncachedServerCpuMs, r.processCpuMsPerQuery(),
                        uncachedServerCpuMs - r.processCpuMsPerQuery()));
            }
        }
        for (var e : http.entrySet()) {
            HttpLoad.Result one = oneConnection(e.getValue());
            SearchBench.InProcessResult r = in.get(e.getKey());
            if (one != null && r != null) {
                s.append(String.format("- %dx: HTTP (1 connection) / in-process p50 = %.2f / %.2f ms = %.2fx "
                        + "(%+.2f ms)%n", e.getKey(), one.all().percentileMs(50), r.all().percentileMs(50),
                        one.all().percentileMs(50) / r.all().percentileMs(50),
                        one.all().percentileMs(50) - r.all().percentileMs(50)));
            }
        }
        return s.append('\n').toString();
    }

    static String byKind(Map<Integer, SearchBench.InProcessResult> in, Map<Integer, List<HttpLoad.Result>> http,
                         List<HttpLoad.Result> uncached) {
        if (in.isEmpty()) {
            return "";
        }
        int scale = in.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        SearchBench.InProcessResult r = in.get(scale);
        List<HttpLoad.Result> runs = http.getOrDefault(scale, List.of());
        HttpLoad.Result one = oneConnection(runs);
        HttpLoad.Result oneUncached = oneConnection(uncached);
        StringBuilder s = new StringBuilder("## By kind of query, " + scale + "x index (ms)\n\n");
        s.append("| kind | in-process CPU p50 | in-process p50 | in-process p99 | HTTP 1 conn p50 | HTTP 1 conn p99 "
                + "| HTTP 1 conn p50, cache off | HTTP 1 conn p99, cache off |\n|---|---|---|---|---|---|---|---|\n");
        for (var e : r.byKind().entrySet()) {
            Latencies h = one == null ? null : one.byKind().get(e.getKey());
            Latencies u = oneUncached == null ? null : oneUncached.byKind().get(e.getKey());
            s.append(String.format("| %s | %.2f | %.2f | %.2f | %s | %s | %s | %s |%n", e.getKey(),
                    r.cpuByKind().get(e.getKey()).percentileMs(50), e.getValue().percentileMs(50),
                    e.getValue().percentileMs(99), ms(h, 50), ms(h, 99), ms(u, 50), ms(u, 99)));
        }
        return s.append('\n').toString();
    }

    /** The paired run, which the benchmark makes on the largest index. */
    static String paired(PairedComparison p, Map<Integer, SearchBench.InProcessResult> in) {
        if (p == null) {
            return "";
        }
        return "## HTTP and in-process at the same moment, " + largest(in) + "x, every answer computed (ms)\n\n"
                + "Each query of the mix in-process, then over HTTP to the cache-off server (one connection), the "
                + "order swapped every round, so that both sides meet the same load; timed apart, minutes from each "
                + "other, the two p50s above also differ by how busy the machine was.\n\n" + p.markdown() + "\n";
    }

    static String server(Map<Integer, Double> startup, List<IndexingBench.Result> ix, BenchRunner.Report.LoadRun load,
                         String heap) {
        if (startup.isEmpty()) {
            return "## Server\n\nNot run: no server jar.\n\n";
        }
        StringBuilder s = new StringBuilder("## Server start-up and memory\n\n");
        s.append("| scale | start-up to first /api/health 200 (s), -Xmx").append(heap).append(" |\n|---|---|\n");
        startup.forEach((k, v) -> s.append(String.format("| %dx | %.2f |%n", k, v)));
        if (load != null) {
            HttpLoad.Result r = load.result();
            s.append(String.format("%n**Load run** (%d connections, closed loop, %.0f s, mixed queries): "
                            + "%d requests, %d failed%s, %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms. "
                            + "Heap after full GC before/after: %.1f / %.1f MB. RSS before/after: %.0f / %.0f MB "
                            + "(samples every 5 s: %s). Server alive after: %s.%n%n",
                    r.connections(), r.seconds(), r.requests(), r.failures(),
                    r.failureReasons().isEmpty() ? "" : " " + r.failureReasons(), r.requestsPerSecond(),
                    r.all().percentileMs(50), r.all().percentileMs(99), r.all().percentileMs(100),
                    load.heapBeforeMb(), load.heapAfterMb(), load.rssBeforeMb(), load.rssAfterMb(),
                    load.rssSamples().stream().map(d -> String.format("%.0f", d)).toList(), load.aliveAfter()));
        }
        return s.append('\n').toString();
    }

    static String growth(List<IndexingBench.Result> ix, Map<Integer, SearchBench.InProcessResult> in,
                         Map<Integer, List<HttpLoad.Result>> http) {
        StringBuilder s = new StringBuilder("## Growth\n\n| scale | passages | index s | pages/s | in-process p50 "
                + "| in-process p99 | HTTP max req/s | HTTP p99 at most connections |\n|---|---|---|---|---|---|---|---|\n");
        for (IndexingBench.Result r : ix) {
            SearchBench.InProcessResult p = in.get(r.scale());
            HttpLoad.Result most = mostConnectionsClosed(http.getOrDefault(r.scale(), List.of()));
            s.append(String.format("| %dx | %d | %.1f | %.0f | %.2f | %.2f | %s | %s |%n", r.scale(), r.passages(),
                    r.indexSeconds(), r.pagesPerSecond(), p == null ? Double.NaN : p.all().percentileMs(50),
                    p == null ? Double.NaN : p.all().percentileMs(99),
                    most == null ? "-" : String.format("%.0f", most.requestsPerSecond()),
                    most == null ? "-" : String.format("%.2f", most.all().percentileMs(99))));
        }
        return s.append('\n').toString();
    }

    static String targets(List<IndexingBench.Result> ix, Map<Integer, SearchBench.InProcessResult> in,
                          Map<Integer, List<HttpLoad.Result>> http, List<HttpLoad.Result> uncached,
                          PairedComparison paired, Map<Integer, Double> startup, BenchRunner.Report.LoadRun load,
                          double rate) {
        StringBuilder s = new StringBuilder("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (IndexingBench.Result r : ix) {
            if (r.scale() >= 10) {
                row(s, "index time / pdftotext <= 1.5 at " + r.scale() + "x", String.format("%.2f", r.ratio()),
                        r.ratio() <= TARGET_RATIO);
            }
        }
        if (!http.isEmpty()) {
            int scale = http.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
            List<HttpLoad.Result> runs = http.get(scale);
            HttpLoad.Result closed = mostConnectionsClosed(runs);
            HttpLoad.Result fixed = runs.stream().filter(r -> r.rate() > 0).findFirst().orElse(null);
            if (fixed != null) {
                row(s, String.format("p99 <= 25 ms at %d connections, %.0f req/s offered (%dx)", fixed.connections(),
                        fixed.rate(), scale), String.format("%.2f ms, %.0f req/s served, %d failed, %d not sent",
                        fixed.all().percentileMs(99), fixed.requestsPerSecond(), fixed.failures(), fixed.notSent()),
                        fixed.all().percentileMs(99) <= TARGET_P99_MS && fixed.failures() == 0
                                && fixed.notSent() <= fixed.rate() * fixed.seconds() * 0.01);
            }
            if (closed != null) {
                row(s, String.format(">= 1,000 req/s for the mix (%d connections, closed loop, %dx)",
                        closed.connections(), scale), String.format("%.0f req/s (p99 %.2f ms)",
                        closed.requestsPerSecond(), closed.all().percentileMs(99)),
                        closed.requestsPerSecond() >= TARGET_RPS);
            }
            HttpLoad.Result closedUncached = mostConnectionsClosed(uncached);
            if (closedUncached != null) {
                row(s, String.format("the same with the answer cache off (%d connections, %dx)",
                        closedUncached.connections(), scale), String.format("%.0f req/s (p99 %.2f ms)",
                        closedUncached.requestsPerSecond(), closedUncached.all().percentileMs(99)),
                        closedUncached.requestsPerSecond() >= TARGET_RPS);
            }
            HttpLoad.Result one = oneConnection(uncached);
            SearchBench.InProcessResult p = in.get(scale);
            if (one != null && p != null) {
                double gap = one.all().percentileMs(50) - p.all().percentileMs(50);
                row(s, "HTTP p50 within 1 ms of in-process, every answer computed, each timed apart (" + scale
                        + "x)", String.format("%+.2f ms", gap), gap <= TARGET_P50_GAP_MS);
            }
            if (paired != null) {
                row(s, "HTTP p50 within 1 ms of in-process, every answer computed, timed query by query (" + scale
                        + "x)", String.format("%+.2f ms (%.2f vs %.2f)", paired.p50GapMs(),
                        paired.http().percentileMs(50), paired.inProcess().percentileMs(50)),
                        paired.p50GapMs() <= TARGET_P50_GAP_MS);
            }
            Double up = startup.get(scale);
            if (up != null) {
                row(s, "server starts serving an existing index in < 2 s (" + scale + "x)",
                        String.format("%.2f s", up), up < TARGET_STARTUP_S);
            }
            if (load != null) {
                boolean ok = load.result().failures() == 0 && load.aliveAfter()
                        && load.heapAfterMb() <= load.heapBeforeMb() * 1.5 + 16;
                row(s, "load run: every request answered, no failure, heap does not grow",
                        String.format("%d requests, %d failed, heap %.0f -> %.0f MB", load.result().requests(),
                                load.result().failures(), load.heapBeforeMb(), load.heapAfterMb()), ok);
            }
        }
        return s.append('\n').toString();
    }

    static String mix(List<QueryMix.Query> mix, List<String> substitutions) {
        if (mix == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("## The query mix (run round-robin)\n\n");
        mix.forEach(q -> s.append("- ").append(q.label().replace("|", "\\|")).append('\n'));
        if (!substitutions.isEmpty()) {
            s.append("\nFilter values missing from the index, replaced by the facet's most frequent value: ")
                    .append(String.join("; ", substitutions)).append('\n');
        }
        return s.append('\n').toString();
    }

    private static void row(StringBuilder s, String target, String measured, boolean met) {
        s.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static String ms(Latencies l, int percentile) {
        return l == null ? "-" : String.format("%.2f", l.percentileMs(percentile));
    }

    private static int largest(Map<Integer, ?> byScale) {
        return byScale.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    private static HttpLoad.Result oneConnection(List<HttpLoad.Result> runs) {
        return runs.stream().filter(r -> r.connections() == 1 && r.rate() == 0).findFirst().orElse(null);
    }

    private static HttpLoad.Result mostConnectionsClosed(List<HttpLoad.Result> runs) {
        return runs.stream().filter(r -> r.rate() == 0)
                .max((a, b) -> Integer.compare(a.connections(), b.connections())).orElse(null);
    }
}
