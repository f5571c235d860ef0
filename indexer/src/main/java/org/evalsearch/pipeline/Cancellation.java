package org.evalsearch.pipeline;

/**
 * A flag the watchdog raises when a file has used up its time budget. PDFBox cannot be interrupted, so the work
 * checks it where it touches the file ({@link CancellableSource}) and between OCR pages.
 */
public final class Cancellation {
    private volatile String reason;

    public void cancel(String why) {
        reason = why;
    }

    public boolean isCancelled() {
        return reason != null;
    }

    /** Throws when the work should stop. */
    public void check() throws RejectedPdfException {
        String r = reason;
        if (r != null) {
            throw new RejectedPdfException(r);
        }
    }

    /** Never cancelled: for callers that run without a watchdog. */
    public static Cancellation none() {
        return new Cancellation();
    }
}
