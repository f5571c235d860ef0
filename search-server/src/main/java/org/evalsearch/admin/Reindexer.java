package org.evalsearch.admin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.evalsearch.index.IndexRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code index} on the corpus folder in the background for the admin endpoints, one run at a time: a request
 * during a run queues exactly one more run, so a burst of uploads costs at most two. The server keeps answering
 * from the last commit meanwhile and is told to look for the new one when a run ends.
 */
public final class Reindexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

    /** What the status endpoint shows. */
    public record Status(boolean running, boolean queued, String lastFinished, IndexRun.Summary lastSummary,
                         String lastError) {}

    private final Path corpus;
    private final Path index;
    private final int threads;
    private final Runnable afterRun;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "admin-reindex");
        t.setDaemon(true);
        return t;
    });
    private boolean running, queued;
    private String lastFinished;
    private IndexRun.Summary lastSummary;
    private String lastError;

    public Reindexer(Path corpus, Path index, int threads, Runnable afterRun) {
        this.corpus = corpus;
        this.index = index;
        this.threads = threads;
        this.afterRun = afterRun;
    }

    /** Starts a run, or queues one if a run is going on; returns "started" or "queued". */
    public synchronized String request() {
        if (running) {
            queued = true;
            return "queued";
        }
        running = true;
        executor.execute(this::runUntilNothingQueued);
        return "started";
    }

    public synchronized Status status() {
        return new Status(running, queued, lastFinished, lastSummary, lastError);
    }

    private void runUntilNothingQueued() {
        while (true) {
            IndexRun.Summary summary = null;
            String error = null;
            try {
                summary = new IndexRun(corpus, index, threads).run(new Quiet());
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn("re-index of {} failed: {}", corpus, error);
            }
            afterRun.run();
            synchronized (this) {
                lastFinished = Instant.now().toString();
                lastSummary = summary;
                lastError = error;
                if (!queued) {
                    running = false;
                    return;
                }
                queued = false;
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class Quiet implements IndexRun.Listener {
        @Override
        public void started(int files) {}

        @Override
        public void fileDone(String file, int pages, int passages) {}

        @Override
        public void fileSkipped(String file, String reason) {
            LOG.info("re-index skipped {}: {}", file, reason);
        }
    }
}
