package org.evalsearch.pipeline;

import java.io.IOException;

/** A file the pipeline will not index, with the reason shown to the user (e.g. "not a PDF (no %PDF- header)"). */
public final class RejectedPdfException extends IOException {
    public RejectedPdfException(String reason) {
        super(reason);
    }

    public RejectedPdfException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public String reason() {
        return getMessage();
    }
}
