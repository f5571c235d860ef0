package org.evalsearch.server;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The jar's entry point. When the build left an ahead-of-time cache beside the jar ({@code search-server.aot},
 * made by {@link AotTraining}), it runs the server in a second JVM that uses it, with this JVM's own options;
 * otherwise it runs the server here. The cache holds the classes the server loads to start, already parsed and
 * linked, and the training run's method profiles: at 100x the corpus the first answer comes in about half the
 * time. A cache only works through a JVM option, which {@code java -jar} cannot take from the jar itself.
 */
public final class ServerLauncher {
    /** A path to another cache, or {@code off} to run the server in this JVM. */
    static final String CACHE_ENV = "EVALSEARCH_AOT_CACHE";
    /** The JDK whose AOT cache the build makes ({@code -XX:AOTCacheOutput}); older ones cannot read it. */
    static final int CACHE_FEATURE_RELEASE = 25;
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private ServerLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Optional<List<String>> child = childCommand(args);
        if (child.isEmpty()) {
            ServerMain.main(args);
            return;
        }
        Process server = new ProcessBuilder(child.get()).inheritIO().start();
        // Ctrl-C reaches both JVMs; a plain kill of this one must still stop the server
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.exit(server.waitFor());
    }

    private static Optional<List<String>> childCommand(String[] args) {
        if (Runtime.version().feature() < CACHE_FEATURE_RELEASE) {
            return Optional.empty();
        }
        return ourJar().flatMap(jar -> cache(jar, System.getenv(CACHE_ENV)).flatMap(cache ->
                ProcessHandle.current().info().arguments()
                        .flatMap(jvm -> childCommand(Arrays.asList(jvm), jar, cache, args))));
    }

    /**
     * The command that runs the server with {@code cache}: this JVM's options ({@code jvmArguments}, everything
     * before {@code -jar}), the cache, and the same program arguments. Empty when this JVM was not started with
     * {@code -jar jar}, or when its options already choose a cache or class-sharing mode: the user's choice wins.
     */
    static Optional<List<String>> childCommand(List<String> jvmArguments, Path jar, Path cache, String[] args) {
        int jarFlag = jvmArguments.indexOf("-jar");
        if (jarFlag < 0 || jarFlag + 1 >= jvmArguments.size() || !sameFile(Path.of(jvmArguments.get(jarFlag + 1)), jar)) {
            return Optional.empty();
        }
        List<String> options = jvmArguments.subList(0, jarFlag);
        if (options.stream().anyMatch(o -> o.startsWith("-XX:AOT") || o.startsWith("-XX:SharedArchiveFile")
                || o.startsWith("-Xshare") || o.startsWith("-XX:+AutoCreateSharedArchive"))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        // the second JVM runs this class again (the jar's manifest applies as with -jar): with a cache chosen it
        // starts the server there
        command.add("-XX:AOTCache=" + cache);
        // as in the training run (the cache is refused when the module options differ); the manifest says the same
        command.add(NATIVE_ACCESS);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }

    /** The cache for {@code jar}: {@code chosen} ({@value #CACHE_ENV}), else the one beside the jar; if it exists. */
    static Optional<Path> cache(Path jar, String chosen) {
        if ("off".equalsIgnoreCase(chosen)) {
            return Optional.empty();
        }
        Path cache = chosen != null && !chosen.isBlank() ? Path.of(chosen).toAbsolutePath()
                : jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".aot");
        return Files.isRegularFile(cache) ? Optional.of(cache) : Optional.empty();
    }

    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> ourJar() {
        try {
            Path p = Path.of(ServerLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar")
                    ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
