package org.evalsearch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find real PDFs: the bundled corpus of the repository and copies under src/test/resources. */
public final class TestPdfs {
    private TestPdfs() {}

    /** A PDF of the bundled corpus (tests run in the module folder, the corpus is its sibling). */
    public static Path corpus(String file) {
        Path p = Path.of("..", "corpus", file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("bundled corpus file missing: " + p.toAbsolutePath());
        }
        return p;
    }

    public static Path resource(String name) {
        URL url = TestPdfs.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource missing: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies files into a folder, under their own names. */
    public static void copyInto(Path folder, Path... files) throws IOException {
        Files.createDirectories(folder);
        for (Path f : files) {
            Files.copy(f, folder.resolve(f.getFileName().toString()));
        }
    }
}
