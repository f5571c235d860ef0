package org.evalsearch.api;

/** A request the API refuses, with a message for the caller; answered with 400. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
