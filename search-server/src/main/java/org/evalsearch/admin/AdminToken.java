package org.evalsearch.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secret that state-changing endpoints require. Only its SHA-256 is kept; a presented token is hashed too and
 * the two digests compared with {@link MessageDigest#isEqual}, which takes the same time wherever they differ and
 * (both being 32 bytes) reveals nothing about the token's length either.
 */
public final class AdminToken {
    /** Shorter secrets are refused at startup: they could be guessed over the network. */
    public static final int MIN_LENGTH = 16;

    private final byte[] digest;

    private AdminToken(String token) {
        this.digest = sha256(token);
    }

    /** The token from the environment variable's value, else from the file; refused when absent or short. */
    public static AdminToken from(String envValue, Path file) throws IOException {
        String token = envValue;
        if ((token == null || token.isBlank()) && file != null) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read the admin token file " + file);
            }
            token = Files.readString(file, StandardCharsets.UTF_8);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("admin endpoints are enabled but no token is set: put one in "
                    + "EVALSEARCH_ADMIN_TOKEN or in a file named by --admin-token-file");
        }
        token = token.strip();
        if (token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the admin token must have at least " + MIN_LENGTH + " characters");
        }
        return new AdminToken(token);
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
