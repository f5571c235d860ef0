package org.evalsearch.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;

/** Passages from an {@code export} file (JSON Lines of {@link PassageRecord}). */
public final class PassageFile {
    private PassageFile() {}

    public static List<PassageRecord> read(Path file) throws IOException {
        List<PassageRecord> records = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    try {
                        records.add(Schema.fromJson(line));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(file + " line " + n + ": not a passage record", e);
                    }
                }
            }
        }
        return records;
    }
}
