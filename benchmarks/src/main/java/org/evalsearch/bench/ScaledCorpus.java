package org.evalsearch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.evalsearch.catalog.Catalog;
import org.evalsearch.index.IndexRun;

/**
 * Makes a corpus of N times the bundled one: copy 0 is the bundled files unchanged, copy k is each PDF with its
 * Info title and a custom key changed (saved as an incremental update, so the page content is byte-identical and
 * extraction work is the same, while the file hash differs). Each copy gets its own catalog rows with a distinct
 * title and evaluation id, so copies are distinct reports rather than near-duplicates of one evaluation.
 *
 * <p>All copies are written once into {@code out/all}; {@code out/x1}, {@code out/x10}, ... hold symbolic links to
 * the first N copies plus their own {@code catalog.csv}, so the 100x corpus costs its size once on disk.
 */
public final class ScaledCorpus {
    private static final String[] COLUMNS = {"file", "title", "year", "evaluation", "evaluation_type", "language",
            "scope", "pages"};

    private final Path source;
    private final Path out;

    public ScaledCorpus(Path source, Path out) {
        this.source = source;
        this.out = out;
    }

    /** The folder of the corpus of {@code scale} copies, generating whatever is missing. */
    public Path folder(int scale) throws IOException {
        Path all = out.resolve("all");
        Files.createDirectories(all);
        List<Path> pdfs = IndexRun.listPdfs(source);
        Map<String, Map<String, String>> catalog = readCatalog(source.resolve(Catalog.FILE_NAME));
        Path folder = out.resolve("x" + scale);
        Files.createDirectories(folder);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int k = 0; k < scale; k++) {
            for (Path pdf : pdfs) {
                String name = copyName(pdf.getFileName().toString(), k);
                Path target = all.resolve(name);
                if (!Files.exists(target)) {
                    writeCopy(pdf, k, target);
                }
                Path link = folder.resolve(name);
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, target.toAbsolutePath());
                }
                Map<String, String> row = catalog.get(pdf.getFileName().toString());
                if (row != null) {
                    rows.add(copyRow(row, name, k));
                }
            }
        }
        writeCatalog(folder.resolve(Catalog.FILE_NAME), rows);
        return folder;
    }

    /** Whether a file name is that of a copy made by this class (not one of the bundled originals). */
    static boolean isCopy(String name) {
        return name.matches(".*-copy\\d+\\.[pP][dD][fF]");
    }

    static String copyName(String name, int k) {
        if (k == 0) {
            return name;
        }
        int dot = name.toLowerCase().lastIndexOf(".pdf");
        return name.substring(0, dot) + "-copy" + k + name.substring(dot);
    }

    private static void writeCopy(Path pdf, int k, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        if (k == 0) {
            Files.copy(pdf, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream os = Files.newOutputStream(tmp)) {
                PDDocumentInformation info = doc.getDocumentInformation();
                String title = info.getTitle();
                if (title != null && !title.isBlank()) {
                    info.setTitle(title + " (copy " + k + ")");
                }
                info.setCustomMetadataValue("EvalsearchBenchmarkCopy", Integer.toString(k));
                doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
                info.getCOSObject().setNeedToBeUpdated(true);
                doc.saveIncremental(os);
            }
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> copyRow(Map<String, String> row, String name, int k) {
        Map<String, String> copy = new LinkedHashMap<>(row);
        copy.put("file", name);
        if (k > 0) {
            copy.put("title", row.get("title") + " (copy " + k + ")");
            String evaluation = row.get("evaluation");
            if (evaluation != null && !evaluation.isBlank()) {
                copy.put("evaluation", evaluation + "-copy" + k);
            }
        }
        return copy;
    }

    private static Map<String, Map<String, String>> readCatalog(Path file) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                Map<String, String> row = new LinkedHashMap<>(r.toMap());
                rows.put(row.get("file"), row);
            }
        }
        return rows;
    }

    private static void writeCatalog(Path file, List<Map<String, String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get())) {
            for (Map<String, String> row : rows) {
                List<String> values = new ArrayList<>();
                for (String c : COLUMNS) {
                    values.add(row.getOrDefault(c, ""));
                }
                p.printRecord(values);
            }
        }
    }
}
