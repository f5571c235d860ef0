package org.evalsearch.tagging;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evalsearch.config.DataFiles;

/**
 * The editable data files the tagger works from: cue phrases, the theme taxonomy and the gazetteer. Defaults ship
 * in the jar under {@code evalsearch/}; a folder named by the system property {@code evalsearch.tagging.dir} or
 * the environment variable {@code EVALSEARCH_TAGGING_DIR} overrides any of them file by file.
 */
public record TaggingData(CueBook cues, Taxonomy taxonomy, Gazetteer gazetteer) {
    public static final String CUES = "cues.txt";
    public static final String THEMES = "themes.md";
    public static final String GAZETTEER = "gazetteer.tsv";

    private static volatile TaggingData defaults;

    /** The data files from the configured override folder, if any, else from the jar; loaded once. */
    public static TaggingData defaults() {
        TaggingData d = defaults;
        if (d == null) {
            synchronized (TaggingData.class) {
                if (defaults == null) {
                    defaults = load(configuredDir());
                }
                d = defaults;
            }
        }
        return d;
    }

    /**
     * The theme taxonomy of {@link #defaults()} without loading the rest when it is not loaded yet: the server
     * labels facet values with it before its first search, and the gazetteer and cue phrases take longer to read.
     */
    public static Taxonomy defaultTaxonomy() {
        TaggingData d = defaults;
        return d != null ? d.taxonomy() : loadTaxonomy(configuredDir());
    }

    /** The taxonomy from {@code dir} when it holds one, else the bundled default, as {@link #load} reads it. */
    static Taxonomy loadTaxonomy(Path dir) {
        try (Reader themes = open(dir, THEMES)) {
            return Taxonomy.parse(themes, THEMES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tagging data: " + e.getMessage(), e);
        }
    }

    private static Path configuredDir() {
        String dir = System.getProperty("evalsearch.tagging.dir", System.getenv("EVALSEARCH_TAGGING_DIR"));
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /**
     * Makes the files in {@code dir} (each one present overrides the bundled default) the data every tagger created
     * from now on uses. Fails with a clear message when the folder is missing or a file is malformed.
     */
    public static synchronized void use(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("tagging data folder not found: " + dir);
        }
        defaults = load(dir);
    }

    /** Loads each file from {@code dir} when it holds one, else the bundled default. */
    public static TaggingData load(Path dir) {
        try (Reader cues = open(dir, CUES); Reader themes = open(dir, THEMES); Reader places = open(dir, GAZETTEER)) {
            return new TaggingData(CueBook.parse(cues, CUES), Taxonomy.parse(themes, THEMES), Gazetteer.parse(places, GAZETTEER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tagging data: " + e.getMessage(), e);
        }
    }

    private static Reader open(Path dir, String name) throws IOException {
        Path user = dir != null && Files.isRegularFile(dir.resolve(name)) ? dir.resolve(name) : null;
        return new InputStreamReader(DataFiles.open(user, name), StandardCharsets.UTF_8);
    }
}
