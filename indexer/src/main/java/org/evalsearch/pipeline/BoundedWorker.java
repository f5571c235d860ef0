package org.evalsearch.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Runs the work on one file in its own thread with a fixed stack and a wall-clock budget, and turns every way it
 * can fail into a {@link RejectedPdfException} with a reason a user can act on. A StackOverflowError (deeply nested
 * objects) or an OutOfMemoryError in one file ends that file only: the thread's stack and allocations are gone when
 * the error reaches here. PDFBox cannot be interrupted, so on timeout the work is cancelled through
 * {@link Cancellation} and given a grace period; a thread that still does not stop is left behind as a daemon.
 */
public final class BoundedWorker {
    /** Enough for PDFBox on real reports; a hostile nesting depth overflows it quickly and cheaply. */
    static final long STACK_BYTES = 4L << 20;
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final AtomicInteger ABANDONED = new AtomicInteger();

    private final Duration timeout;

    public BoundedWorker(Duration timeout) {
        this.timeout = timeout;
    }

    /** The work on one file; it should check the cancellation where it can. */
    public interface Task<T> {
        T run(Cancellation cancellation) throws Exception;
    }

    public <T> T run(String name, Task<T> task) throws RejectedPdfException, InterruptedException {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.complete(task.run(cancellation));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "extract " + name, STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String reason = "time budget of %s exceeded (--file-timeout)".formatted(describe(timeout));
            cancellation.cancel(reason);
            thread.interrupt();
            thread.join(GRACE.toMillis());
            if (thread.isAlive()) {
                ABANDONED.incrementAndGet();
            }
            throw new RejectedPdfException(reason);
        } catch (ExecutionException e) {
            throw rejection(e.getCause());
        } catch (InterruptedException e) {
            cancellation.cancel("indexing interrupted");
            thread.interrupt();
            throw e;
        }
    }

    /** Worker threads that did not stop after their file was cancelled (they keep running until PDFBox returns). */
    public static int abandonedThreads() {
        return ABANDONED.get();
    }

    static RejectedPdfException rejection(Throwable t) {
        return switch (t) {
            case RejectedPdfException r -> r;
            case InvalidPasswordException p -> new RejectedPdfException("encrypted: needs a user password", p);
            case StackOverflowError s ->
                    new RejectedPdfException("too deeply nested (stack overflow while reading the PDF)");
            case OutOfMemoryError o -> new RejectedPdfException("out of memory while reading the PDF (heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB; lower --threads or raise -Xmx)");
            case IOException io -> new RejectedPdfException("unreadable PDF: " + message(io), io);
            default -> new RejectedPdfException("extraction failed: " + message(t), t);
        };
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
