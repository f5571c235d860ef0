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
 * linked: at 100x the corpus the first answer comes in about half the time. A cache only works through a JVM
 * option, which {@code java -jar} cannot take from the jar itself.
 */
public final class ServerLauncher {
    /** {@code off} runs the server in the JVM that was started. */
    static final String SWITCH_ENV = "EVALSEARCH_AOT";
    /** The JDK whose AOT cache the build makes ({@code -XX:AOTCacheOutput}); older ones cannot read it. */
    static final int CACHE_FEATURE_RELEASE = 25;
    /** As in the training run: a cache is refused when the module options differ (the manifest says the same). */
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
        if ("off".equalsIgnoreCase(System.getenv(SWITCH_ENV)) || Runtime.version().feature() < CACHE_FEATURE_RELEASE) {
            return Optional.empty();
        }
        return ourJar().flatMap(jar -> cacheBeside(jar).flatMap(cache -> ProcessHandle.current().info().arguments()
                .flatMap(jvm -> childCommand(Arrays.asList(jvm), jar, cache, args))));
    }

    /**
     * The command that runs the server with {@code cache}: this JVM's options ({@code jvmArguments}, everything
     * before {@code -jar}), the cache, and the same program arguments. Empty when this JVM was not started with
     * {@code -jar jar}, or when its options already choose a cache or class-sharing mode (the user's choice wins),
     * or attach a tool to the JVM ({@link #attachesATool}).
     */
    static Optional<List<String>> childCommand(List<String> jvmArguments, Path jar, Path cache, String[] args) {
        int jarFlag = jvmArguments.indexOf("-jar");
        if (jarFlag < 0 || jarFlag + 1 >= jvmArguments.size()
                || !sameFile(Path.of(jvmArguments.get(jarFlag + 1)), jar)) {
            return Optional.empty();
        }
        List<String> options = jvmArguments.subList(0, jarFlag);
        if (options.stream().anyMatch(o -> o.startsWith("-XX:AOT") || o.startsWith("-XX:SharedArchiveFile")
                || o.startsWith("-Xshare") || o.startsWith("-XX:+AutoCreateSharedArchive"))
                || options.stream().anyMatch(ServerLauncher::attachesATool)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        // the second JVM runs this class again (the jar's manifest applies as with -jar): with a cache chosen it
        // starts the server there
        command.add("-XX:AOTCache=" + cache);
        command.add(NATIVE_ACCESS);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }

    /**
     * An agent (a debugger, a profiler), a flight recording or a log file: both JVMs would take it, the launcher
     * too, so two debuggers would want one port (the server's then fails to start) and two recordings or logs
     * would write one file. The user means the JVM they started, and the cache does not work with a debugger.
     */
    static boolean attachesATool(String option) {
        if (option.startsWith("-agentlib:") || option.startsWith("-agentpath:") || option.startsWith("-javaagent:")
                || option.startsWith("-XX:StartFlightRecording") || option.startsWith("-Xloggc:")) {
            return true;
        }
        if (!option.startsWith("-Xlog:")) {
            return false;
        }
        // -Xlog:what:output:..., the output being stdout, stderr or a file
        String[] parts = option.substring("-Xlog:".length()).split(":", 3);
        return parts.length > 1 && !parts[1].isEmpty() && !parts[1].equals("stdout") && !parts[1].equals("stderr");
    }

    /** {@code search-server.aot} beside {@code search-server.jar}, if the build made it. */
    static Optional<Path> cacheBeside(Path jar) {
        Path cache = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".aot");
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
