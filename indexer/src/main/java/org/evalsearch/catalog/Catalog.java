package org.evalsearch.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The corpus folder's {@code catalog.csv}: one row per file with
 * {@code file,title,year,evaluation,evaluation_type,language,scope,pages}. Optional: files it does not list are
 * described from their own content.
 */
public final class Catalog {
    public static final String FILE_NAME = "catalog.csv";

    private final Map<String, ReportMeta> byFile;

    private Catalog(Map<String, ReportMeta> byFile) {
        this.byFile = byFile;
    }

    public static Catalog empty() {
        return new Catalog(Map.of());
    }

    /** Reads {@code catalog.csv} from the folder, or an empty catalog when there is none. */
    public static Catalog load(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        Map<String, ReportMeta> rows = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                String name = r.get("file");
                rows.put(name, new ReportMeta(
                        name,
                        r.get("title"),
                        parseInt(r.get("year")),
                        blankToNull(r.get("evaluation")),
                        blankToNull(r.get("evaluation_type")),
                        blankToNull(r.get("language")),
                        r.isMapped("scope") ? blankToNull(r.get("scope")) : null,
                        0, 0, null));
            }
        }
        return new Catalog(rows);
    }

    public Optional<ReportMeta> find(String fileName) {
        return Optional.ofNullable(byFile.get(fileName));
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
