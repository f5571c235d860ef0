package org.evalsearch.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the PDF of an indexed report in the corpus folder, refusing anything else: names that are not indexed
 * reports, names with path separators, {@code ..} or control characters, absolute paths, and files or symbolic
 * links whose real location is outside the corpus folder.
 */
public final class PdfFiles {
    private final Path corpus;

    public PdfFiles(Path corpus) {
        this.corpus = corpus.toAbsolutePath().normalize();
    }

    public Optional<Path> resolve(String doc, Set<String> indexed) throws IOException {
        if (doc == null || doc.isEmpty() || !indexed.contains(doc) || !plainFileName(doc)) {
            return Optional.empty();
        }
        Path root = corpus.toRealPath();
        Path file = root.resolve(doc).normalize();
        if (!root.equals(file.getParent()) || !Files.exists(file)) {
            return Optional.empty();
        }
        Path real = file.toRealPath();
        if (!real.startsWith(root) || !Files.isRegularFile(real)) {
            return Optional.empty();
        }
        return Optional.of(real);
    }

    static boolean plainFileName(String name) {
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
                || name.contains("..") || name.contains("%") || name.indexOf(':') >= 0) {
            return false;
        }
        return name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
