package org.evalsearch.pipeline;

import java.time.Duration;

/**
 * What one PDF may cost before it is skipped. The defaults fit evaluation reports (tens to a few hundred pages)
 * with a wide margin, and keep a hostile file from taking the run down.
 *
 * @param fileTimeout    wall-clock budget for one file, from opening it to its tagged passages (OCR included)
 * @param maxPages       more pages than this and the file is rejected by policy before its text is extracted
 * @param maxChars       more extracted text than this and the file is rejected (a report is ~3,000 chars a page)
 * @param maxFileBytes   larger files are rejected before they are opened
 * @param pdfMemoryBytes main memory PDFBox may use for its stream buffers per file before spilling to a temp file
 * @param maxPageContentBytes a page whose content streams inflate to more than this is a decompression bomb
 * @param ocr            how pages without a text layer are read
 */
public record ExtractionLimits(Duration fileTimeout, int maxPages, long maxChars, long maxFileBytes,
                               long pdfMemoryBytes, long maxPageContentBytes, OcrOptions ocr) {

    public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_PAGES = 1000;
    public static final long DEFAULT_MAX_CHARS = 5_000_000;
    public static final long DEFAULT_MAX_FILE_BYTES = 200L << 20;
    public static final long DEFAULT_PDF_MEMORY_BYTES = 64L << 20;
    public static final long DEFAULT_MAX_PAGE_CONTENT_BYTES = 100L << 20;

    public ExtractionLimits {
        if (fileTimeout.isNegative() || fileTimeout.isZero()) {
            throw new IllegalArgumentException("file timeout must be positive");
        }
        if (maxPages < 1 || maxChars < 1 || maxFileBytes < 1 || pdfMemoryBytes < 1 || maxPageContentBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static ExtractionLimits defaults() {
        return new ExtractionLimits(DEFAULT_FILE_TIMEOUT, DEFAULT_MAX_PAGES, DEFAULT_MAX_CHARS,
                DEFAULT_MAX_FILE_BYTES, DEFAULT_PDF_MEMORY_BYTES, DEFAULT_MAX_PAGE_CONTENT_BYTES, OcrOptions.auto());
    }

    public ExtractionLimits withOcr(OcrOptions options) {
        return new ExtractionLimits(fileTimeout, maxPages, maxChars, maxFileBytes, pdfMemoryBytes,
                maxPageContentBytes, options);
    }
}
