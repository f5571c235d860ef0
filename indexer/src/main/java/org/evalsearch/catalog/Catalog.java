package org.evalsearch.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The corpus folder's {@code catalog.csv}: one row per file with
 * {@code file,title,year,evaluation,evaluation_type,language,scope,pages}. Optional: files it does not list are
 * described from their own content. A catalog that cannot be read whole is not fatal: the rows read before the
 * fault describe their files, the others are described as if unlisted, and {@link #problem} says what was wrong.
 */
public final class Catalog {
    public static final String FILE_NAME = "catalog.csv";
    private static final String UNDESCRIBED = "the files it does not describe are described from their own content";

    private final Map<String, ReportMeta> byFile;
    private final String problem;

    private Catalog(Map<String, ReportMeta> byFile, String problem) {
        this.byFile = byFile;
        this.problem = problem;
    }

    public static Catalog empty() {
        return new Catalog(Map.of(), null);
    }

    /** Reads {@code catalog.csv} from the folder, or an empty catalog when there is none. */
    public static Catalog load(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        Map<String, ReportMeta> rows = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = format.parse(in)) {
            if (!csv.getHeaderMap().containsKey("file")) {
                return new Catalog(Map.of(), "no 'file' column; " + UNDESCRIBED);
            }
            for (CSVRecord r : csv) {
                String name = field(r, "file");
                if (name == null) {
                    continue;
                }
                rows.put(name, new ReportMeta(
                        name,
                        field(r, "title"),
                        parseInt(field(r, "year")),
                        field(r, "evaluation"),
                        field(r, "evaluation_type"),
                        field(r, "language"),
                        field(r, "scope"),
                        0, 0, null));
            }
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a malformed line (an unclosed quote, a duplicate column name) this way
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Catalog(rows, "could not be read to its end (" + cause.getMessage() + "); "
                    + rows.size() + " rows were read before it, and " + UNDESCRIBED);
        }
        return new Catalog(rows, null);
    }

    /** What kept the catalog from being read whole, if anything (a sentence that follows the file's name). */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * Whether the file's row, when it has one, says what the index says of it: a row changed or added since the
     * file was indexed calls for indexing it again. A row taken out cannot be told from one never there.
     */
    public boolean agreesWith(ReportMeta indexed) {
        ReportMeta row = byFile.get(indexed.doc());
        if (row == null) {
            return true;
        }
        return row.completedBy(indexed).withPdfFacts(indexed.pageCount(), indexed.fileSize(), indexed.sha256())
                .equals(indexed);
    }

    public Optional<ReportMeta> find(String fileName) {
        return Optional.ofNullable(byFile.get(fileName));
    }

    /** The value, or null when the row leaves the column out or blank. */
    private static String field(CSVRecord r, String column) {
        return r.isSet(column) ? blankToNull(r.get(column)) : null;
    }

    private static int parseInt(String s) {
        if (s == null) {
            return 0;
        }
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
