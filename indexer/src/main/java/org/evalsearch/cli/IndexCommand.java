package org.evalsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.lucene.store.LockObtainFailedException;
import org.evalsearch.index.IndexRun;
import org.evalsearch.index.PassageVectors;
import org.evalsearch.pipeline.ExtractionLimits;
import org.evalsearch.pipeline.OcrOptions;
import org.evalsearch.pipeline.TesseractOcr;
import org.evalsearch.tagging.TaggingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Index the PDFs of a folder; re-running indexes only new or changed files and drops deleted ones.",
                "Files that cannot be indexed are skipped and listed with the reason; the exit code is 0 when the run "
                        + "completed (use --strict to fail on any skipped file)."})
final class IndexCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Folder of PDFs (with an optional catalog.csv).")
    Path folder;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:EVALSEARCH_INDEX:-index}",
            description = "Index folder (env EVALSEARCH_INDEX; default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--threads", defaultValue = "${env:EVALSEARCH_THREADS:-0}",
            description = "Documents extracted in parallel (env EVALSEARCH_THREADS; 0 = one per core).")
    int threads;

    @Option(names = "--file-timeout", paramLabel = "SECONDS", defaultValue = "${env:EVALSEARCH_FILE_TIMEOUT:-120}",
            description = "Time budget per file, OCR included; a file over it is skipped "
                    + "(env EVALSEARCH_FILE_TIMEOUT; default: ${DEFAULT-VALUE}).")
    int fileTimeoutSeconds;

    @Option(names = "--max-pages", defaultValue = "${env:EVALSEARCH_MAX_PAGES:-1000}",
            description = "Files with more pages are skipped by policy (env EVALSEARCH_MAX_PAGES; default: ${DEFAULT-VALUE}).")
    int maxPages;

    @Option(names = "--max-chars", defaultValue = "${env:EVALSEARCH_MAX_CHARS:-5000000}",
            description = "Files with more extracted text are skipped (env EVALSEARCH_MAX_CHARS; default: ${DEFAULT-VALUE}).")
    long maxChars;

    @Option(names = "--max-file-mb", defaultValue = "${env:EVALSEARCH_MAX_FILE_MB:-200}",
            description = "Larger files are skipped unopened (env EVALSEARCH_MAX_FILE_MB; default: ${DEFAULT-VALUE}).")
    long maxFileMb;

    @Option(names = "--pdf-memory-mb", defaultValue = "${env:EVALSEARCH_PDF_MEMORY_MB:-64}",
            description = "Main memory for PDFBox's stream buffers per file before it spills to a temp file "
                    + "(env EVALSEARCH_PDF_MEMORY_MB; default: ${DEFAULT-VALUE}).")
    long pdfMemoryMb;

    @Option(names = "--max-page-content-mb", defaultValue = "${env:EVALSEARCH_MAX_PAGE_CONTENT_MB:-100}",
            description = "A page whose content inflates to more is skipped as a decompression bomb "
                    + "(env EVALSEARCH_MAX_PAGE_CONTENT_MB; default: ${DEFAULT-VALUE}).")
    long maxPageContentMb;

    @Option(names = "--ocr", negatable = true, defaultValue = "${env:EVALSEARCH_OCR}",
            description = "OCR pages without a text layer with tesseract; --no-ocr only reports them "
                    + "(env EVALSEARCH_OCR=true|false; default: on when tesseract is on the PATH).")
    Boolean ocr;

    @Option(names = "--ocr-dpi", defaultValue = "${env:EVALSEARCH_OCR_DPI:-200}",
            description = "Resolution of page images for OCR (env EVALSEARCH_OCR_DPI; default: ${DEFAULT-VALUE}).")
    int ocrDpi;

    @Option(names = "--ocr-lang", defaultValue = "${env:EVALSEARCH_OCR_LANG:-eng}",
            description = "Tesseract language(s), e.g. eng+fra (env EVALSEARCH_OCR_LANG; default: ${DEFAULT-VALUE}).")
    String ocrLanguage;

    @Option(names = "--strict", description = "Exit with code 1 when any file was skipped.")
    boolean strict;

    @Option(names = "--retry-skipped",
            description = "Retry files an earlier run skipped although they have not changed (e.g. after raising a limit).")
    boolean retrySkipped;

    @Option(names = "--tagging-data", paramLabel = "DIR", defaultValue = "${env:EVALSEARCH_TAGGING_DIR}",
            description = "Folder with your own cues.txt, themes.md and/or gazetteer.tsv, used instead of the bundled "
                    + "ones (env EVALSEARCH_TAGGING_DIR).")
    Path taggingData;

    @Option(names = "--vectors", negatable = true, defaultValue = "${env:EVALSEARCH_VECTORS}",
            description = "Embed passages for dense retrieval, fused with the word ranking at search time; about "
                    + "35 ms of CPU per passage, several times the rest of indexing (env EVALSEARCH_VECTORS=true|false; "
                    + "default: off for a new index, as the index was built for an existing one; the server turns it "
                    + "on for the index it builds on first start). Files indexed before keep what they had.")
    Boolean vectors;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "no such folder: " + folder);
        }
        if (Files.exists(index) && !Files.isDirectory(index)) {
            throw new ParameterException(spec.commandLine(), "--index names a file, not a folder: " + index);
        }
        if (taggingData != null) {
            try {
                TaggingData.use(taggingData);  // read now, so a broken data file stops the run with its line number
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        ExtractionLimits limits = limits();
        IndexRun.Summary s;
        try (ProgressReporter progress = new ProgressReporter()) {
            s = new IndexRun(folder, index, workers, limits, retrySkipped, vectorMode()).run(progress);
        } catch (LockObtainFailedException e) {
            System.err.println("Another index run is writing to " + index + " (Lucene write lock held); try again "
                    + "when it has finished.");
            return 2;
        }
        System.out.printf("Indexed %d documents, %d pages, %d passages in %.1f s (%d unchanged, %d removed).%n",
                s.documents(), s.pages(), s.passages(), s.seconds(), s.unchanged(), s.removed());
        if (!s.warnings().isEmpty()) {
            System.out.printf("Warnings (%d):%n", s.warnings().size());
            s.warnings().forEach(w -> System.out.printf("  %s: %s%n", w.file(), w.message()));
        }
        if (!s.skipped().isEmpty()) {
            System.out.printf("Skipped %d files:%n", s.skipped().size());
            s.skipped().forEach(k -> System.out.printf("  %s: %s%n", k.file(), k.reason()));
        }
        return strict && !s.skipped().isEmpty() ? 1 : 0;
    }

    /**
     * As asked, else as the index was built; a new index is words only unless asked (an archive is indexed with
     * this command, and embedding dominates the cost).
     */
    private PassageVectors.Mode vectorMode() {
        if (vectors == null) {
            return PassageVectors.Mode.AS_INDEX;
        }
        return vectors ? PassageVectors.Mode.ON : PassageVectors.Mode.OFF;
    }

    private ExtractionLimits limits() {
        boolean ocrOn = ocr == null ? TesseractOcr.onPath() : ocr;
        if (ocrOn && !TesseractOcr.onPath()) {
            throw new ParameterException(spec.commandLine(),
                    "--ocr needs the tesseract command on the PATH (Debian package tesseract-ocr)");
        }
        if (fileTimeoutSeconds < 1 || maxPages < 1 || maxChars < 1 || maxFileMb < 1 || pdfMemoryMb < 1
                || maxPageContentMb < 1) {
            throw new ParameterException(spec.commandLine(), "limits must be positive numbers");
        }
        return new ExtractionLimits(Duration.ofSeconds(fileTimeoutSeconds), maxPages, maxChars, maxFileMb << 20,
                pdfMemoryMb << 20, maxPageContentMb << 20,
                new OcrOptions(ocrOn, ocrDpi, ocrLanguage, OcrOptions.DEFAULT_PAGE_TIMEOUT));
    }

    /** A terminal progress bar of files, with pages and passages so far. */
    private static final class ProgressReporter implements IndexRun.Listener, AutoCloseable {
        private ProgressBar bar;
        private int pages, passages;

        @Override
        public void started(int files) {
            bar = new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(files).setUnit(" files", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().continuousUpdate().build();
        }

        @Override
        public synchronized void fileDone(String file, int pages, int passages) {
            this.pages += pages;
            this.passages += passages;
            bar.setExtraMessage(this.pages + " pages, " + this.passages + " passages");
            bar.step();
        }

        @Override
        public synchronized void fileSkipped(String file, String reason) {
            bar.step();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
