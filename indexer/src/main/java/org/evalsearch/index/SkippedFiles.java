package org.evalsearch.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexCommit;

/**
 * Files an index run could not index, with their content hash and the reason, kept in the commit user data next
 * to the report list. A later run does not try an unchanged bad file again (a zero-byte or encrypted file stays
 * what it is), but does as soon as the file changes or when asked to retry.
 */
public final class SkippedFiles {
    /** Commit user data key of the JSON map of skipped files (file name to {@link Entry}). */
    public static final String COMMIT_KEY = "skipped";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Entry>> TYPE = new TypeReference<>() {};

    public record Entry(String sha256, String reason) {}

    private SkippedFiles() {}

    public static Map<String, Entry> read(IndexCommit commit) throws IOException {
        String json = commit.getUserData().get(COMMIT_KEY);
        return json == null ? new TreeMap<>() : JSON.readValue(json, TYPE);
    }

    static String toJson(Map<String, Entry> skipped) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(skipped));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
