package org.evalsearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The search server started as users start it, in its own JVM, with its start-up time and memory probes. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    final int port;
    /** Seconds from launching the JVM until {@code /api/health} first answered 200. */
    final double startupSeconds;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServerProcess(Process process, int port, double startupSeconds) {
        this.process = process;
        this.port = port;
        this.startupSeconds = startupSeconds;
    }

    static ServerProcess start(Path jar, Path index, Path corpus, String maxHeap, Path log) throws IOException,
            InterruptedException {
        return start(jar, index, corpus, maxHeap, log, List.of(), List.of());
    }

    static ServerProcess start(Path jar, Path index, Path corpus, String maxHeap, Path log, List<String> jvmArgs,
                               List<String> serverArgs) throws IOException, InterruptedException {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(javaBin("java").toString(), "-Xmx" + maxHeap));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--index", index.toString(),
                "--corpus", corpus.toString()));
        cmd.addAll(serverArgs);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        URI health = URI.create("http://127.0.0.1:" + port + "/api/health");
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("server exited with " + p.exitValue() + "; see " + log);
            }
            if (System.nanoTime() - t0 > 120e9) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException("server did not answer /api/health within 120 s; see " + log);
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        return new ServerProcess(p, port, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Waits until the server has built its suggestions (its first /api/suggest call waits for them): a one-time
     * background job after start-up that reads every passage (seconds of CPU on a large index), which would
     * otherwise share the CPU with the first measured searches.
     */
    void awaitSuggestions() throws IOException, InterruptedException {
        get("/api/suggest?q=mi", Duration.ofMinutes(5));
    }

    /** GET a path; the body as a string, failing on anything but 200. */
    String get(String path) throws IOException, InterruptedException {
        return get(path, Duration.ofSeconds(60));
    }

    private String get(String path, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " -> " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /**
     * CPU time (user + system) used so far by the launched JVM and the server JVM it started (the jar runs the
     * server in a second JVM when the build made its ahead-of-time cache).
     */
    long cpuNanos() throws IOException {
        long total = 0;
        for (ProcessHandle h : processes()) {
            total += h.info().totalCpuDuration()
                    .orElseThrow(() -> new IOException("the system does not report the server's CPU time")).toNanos();
        }
        return total;
    }

    /** Resident set size of the launched JVM and the server JVM, in MB. */
    double rssMb() throws IOException {
        double total = 0;
        for (ProcessHandle h : processes()) {
            for (String line : Files.readAllLines(Path.of("/proc/" + h.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    total += Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        }
        return total;
    }

    private List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>(List.of(process.toHandle()));
        process.descendants().forEach(all::add);
        return all;
    }

    /** The JVM that serves: the launched one's child when there is one, else the launched one. */
    long serverPid() {
        return process.children().findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    /** Java heap in use right after a full GC, in MB (via jcmd), so that garbage does not count. */
    double heapAfterGcMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(javaBin("jcmd").toString(), Long.toString(serverPid()), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    boolean alive() {
        return process.isAlive();
    }

    static Path javaBin(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = processes();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            all.forEach(ProcessHandle::destroyForcibly);
            process.waitFor();
        }
    }
}
