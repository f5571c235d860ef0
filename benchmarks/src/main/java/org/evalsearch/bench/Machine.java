package org.evalsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line describing where the benchmark ran: CPU, cores, memory, load, JVM. */
final class Machine {
    private Machine() {}

    /** The 1, 5 and 15 minute load averages, or "?" off Linux. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String describe() {
        String cpu = "unknown CPU";
        long memKb = 0;
        String load = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            // not Linux: keep what we have
        }
        return String.format("%s, %d cores, %.0f GB RAM, load average %s at start, Java %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0, load,
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
