package org.evalsearch.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a process's threads by kind (request threads, collector, compiler...), from Linux's per-thread
 * scheduler statistics, so that a JVM's CPU per request can be split into the work itself and what the JVM spends
 * around it. Threads are grouped by name without digits ("GC Thread#0" and "GC Thread#1" are "GC Thread#").
 */
final class ThreadCpu {
    private final Map<Long, Sample> byThread;

    private record Sample(String kind, long nanos) {}

    private ThreadCpu(Map<Long, Sample> byThread) {
        this.byThread = byThread;
    }

    /** The CPU used so far by each live thread of process {@code pid}; empty where /proc is missing. */
    static ThreadCpu of(long pid) {
        Map<Long, Sample> out = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path task : dirs) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    // schedstat's first field: nanoseconds this thread has run on a CPU
                    long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    out.put(Long.parseLong(task.getFileName().toString()), new Sample(kind(name), nanos));
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended while being read: its time is lost to both samples
                }
            }
        } catch (IOException noProc) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(out);
    }

    private static String kind(String threadName) {
        return threadName.replaceAll("\\d+", "").replaceAll("-+$", "");
    }

    /**
     * The share of the CPU used since {@code before} that went to threads whose name contains {@code namePart}
     * (Linux cuts thread names to 15 characters: "C2 CompilerThre").
     */
    double share(ThreadCpu before, String namePart) {
        long[] partAndAll = new long[2];
        byThread.forEach((tid, s) -> {
            Sample b = before.byThread.get(tid);
            long used = s.nanos() - (b == null ? 0 : b.nanos());
            partAndAll[1] += used;
            if (s.kind().contains(namePart)) {
                partAndAll[0] += used;
            }
        });
        return partAndAll[1] == 0 ? 0 : (double) partAndAll[0] / partAndAll[1];
    }

    /** Milliseconds of CPU per kind of thread since {@code before}, divided by {@code per}, largest first. */
    String since(ThreadCpu before, long per) {
        Map<String, Long> nanos = new TreeMap<>();
        byThread.forEach((tid, s) -> {
            Sample b = before.byThread.get(tid);
            nanos.merge(s.kind(), s.nanos() - (b == null ? 0 : b.nanos()), Long::sum);
        });
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(nanos.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder s = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : sorted) {
            total += e.getValue();
            if (e.getValue() / 1e6 / per >= 0.05) {
                s.append(String.format("%s %.2f, ", e.getKey(), e.getValue() / 1e6 / per));
            }
        }
        return String.format("CPU ms per request by thread kind: total %.2f = %s", total / 1e6 / per,
                s.length() > 2 ? s.substring(0, s.length() - 2) : "");
    }
}
