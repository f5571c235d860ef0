package org.evalsearch.query;

/** A user's query that cannot be run; the message says why, in words fit to show the user. */
public final class InvalidQueryException extends IllegalArgumentException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
