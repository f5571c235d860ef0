package org.evalsearch.api;

/** A passage or document the index does not hold; answered with 404. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
