package org.evalsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.evalsearch.query.QueryVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as users start it ({@code java -jar search-server.jar}) on a folder with one bundled report: with
 * the build's ahead-of-time cache it indexes and serves from a second JVM that uses the cache, with the options it
 * was started with, and stopping the started JVM stops that one too.
 */
class ServerJarIT {
    private static final Path TARGET = Path.of("target");
    private static final Path JAR = TARGET.resolve("search-server.jar");
    private static final Path CORPUS = Path.of("..", "corpus");

    @TempDir
    Path dir;

    @Test
    void theJarServesFromASecondJvmWithTheCacheAndStopsItWhenStopped() throws Exception {
        boolean cached = Files.exists(TARGET.resolve("search-server.aot"))
                && Runtime.version().feature() >= ServerLauncher.CACHE_FEATURE_RELEASE;
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path report = CORPUS.resolve("2013-labour-migration-evaluation-summary.pdf");
        Files.copy(report, corpus.resolve(report.getFileName()));
        int port = freePort();
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString(), "--port", Integer.toString(port),
                "--index", dir.resolve("index").toString(), "--corpus", corpus.toString(), "--no-vectors")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        command.environment().remove(ServerLauncher.SWITCH_ENV);
        Process started = command.start();
        try {
            awaitHealth(started, port);
            List<ProcessHandle> children = started.children().toList();
            if (cached) {
                assertEquals(1, children.size());
                List<String> args = Arrays.asList(children.get(0).info().arguments().orElseThrow());
                assertTrue(args.contains("-Xmx256m"), args.toString());
                assertTrue(args.stream().anyMatch(a -> a.startsWith("-XX:AOTCache=")), args.toString());
            } else {
                assertEquals(List.of(), children);
            }
            started.destroy();
            assertTrue(started.waitFor(30, TimeUnit.SECONDS));
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
                assertFalse(child.isAlive());
            }
        } finally {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }
    }

    @Test
    void aQueryDataFileThatCannotBeReadStopsTheServerAsItStarts() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path report = CORPUS.resolve("2013-labour-migration-evaluation-summary.pdf");
        Files.copy(report, corpus.resolve(report.getFileName()));
        Path missing = dir.resolve("my-synonyms.txt");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--port", Integer.toString(freePort()), "--index",
                dir.resolve("index").toString(), "--corpus", corpus.toString(), "--no-vectors")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        command.environment().put(QueryVocabulary.ENV, missing.toString());
        Process started = command.start();
        try {
            assertTrue(started.waitFor(120, TimeUnit.SECONDS), "the server kept running");
            String log = Files.readString(dir.resolve("server.log"));
            assertEquals(2, started.exitValue(), log);
            assertTrue(log.contains("Cannot start: cannot read synonyms " + missing), log);
        } finally {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }
    }

    private void awaitHealth(Process started, int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI health = URI.create("http://127.0.0.1:" + port + "/api/health");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new AssertionError("the server exited: " + Files.readString(dir.resolve("server.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer from /api/health: " + Files.readString(dir.resolve("server.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
