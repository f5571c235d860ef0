package org.evalsearch.admin;

/** An admin request refused with an HTTP status and a message for the caller. */
public final class AdminRefusal extends RuntimeException {
    private final int status;

    public AdminRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
