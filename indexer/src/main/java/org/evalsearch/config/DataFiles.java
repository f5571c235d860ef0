package org.evalsearch.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The editable data files (cue phrases, taxonomy, gazetteer, synonyms, spelling variants, query intents): a
 * user's own copy when one is named, otherwise the default bundled in the jar under {@code evalsearch/}.
 */
public final class DataFiles {
    private static final String BUNDLED = "evalsearch/";

    private DataFiles() {}

    /** The file a system property or, failing that, an environment variable names; null when neither is set. */
    public static Path userFile(String property, String env) {
        String path = property == null ? null : System.getProperty(property);
        if (path == null || path.isBlank()) {
            path = System.getenv(env);
        }
        return path == null || path.isBlank() ? null : Path.of(path);
    }

    /** {@code userFile} when given, else the bundled file {@code name}. */
    public static InputStream open(Path userFile, String name) throws IOException {
        if (userFile != null) {
            return Files.newInputStream(userFile);
        }
        InputStream in = DataFiles.class.getResourceAsStream("/" + BUNDLED + name);
        if (in == null) {
            throw new IOException("bundled data file " + BUNDLED + name + " is missing");
        }
        return in;
    }

    /** Where the data comes from, for error messages. */
    public static String source(Path userFile, String name) {
        return userFile != null ? userFile.toString() : BUNDLED + name;
    }
}
