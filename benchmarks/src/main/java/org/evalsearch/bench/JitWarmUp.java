package org.evalsearch.bench;

import java.io.IOException;

/**
 * A warm-up that lasts until a JVM's JIT compilers have settled, so that two JVMs compared (the server and the
 * in-process benchmark) are both measured with their search code compiled: a fixed warm-up set a server just
 * started, still compiling, against an in-process JVM that had run the smaller scales already.
 */
final class JitWarmUp {
    static final double CHUNK_SECONDS = 5;
    /** Compiler threads' share of the JVM's CPU in the last chunk below which it counts as settled. */
    static final double SETTLED_SHARE = 0.03;

    /** Work run for a number of seconds. */
    @FunctionalInterface
    interface Work {
        void run(double seconds) throws IOException, InterruptedException;
    }

    private JitWarmUp() {
    }

    /**
     * Runs {@code work} for {@code minSeconds}, then in chunks until the compiler threads of process {@code pid}
     * took under {@value #SETTLED_SHARE} of its CPU in the last chunk, or {@code maxSeconds} have passed.
     * Returns the seconds it ran.
     */
    static double run(long pid, double minSeconds, double maxSeconds, Work work)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        work.run(minSeconds);
        while ((System.nanoTime() - t0) / 1e9 + CHUNK_SECONDS <= maxSeconds) {
            ThreadCpu before = ThreadCpu.of(pid);
            work.run(CHUNK_SECONDS);
            if (ThreadCpu.of(pid).share(before, "CompilerThre") < SETTLED_SHARE) {
                break;
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
