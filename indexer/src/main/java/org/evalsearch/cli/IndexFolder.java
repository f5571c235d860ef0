package org.evalsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/** The commands that read an index check for it the same way, and say the same when it is not there. */
final class IndexFolder {
    private IndexFolder() {}

    /** Whether {@code folder} holds a committed index; a missing folder is not created, as opening one would. */
    static boolean holdsIndex(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (FSDirectory dir = FSDirectory.open(folder)) {
            return DirectoryReader.indexExists(dir);
        }
    }

    static String missing(Path folder) {
        return "no index in " + folder + " (build one with: indexer index FOLDER --index " + folder + ")";
    }
}
