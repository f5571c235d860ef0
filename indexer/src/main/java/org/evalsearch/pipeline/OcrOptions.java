package org.evalsearch.pipeline;

import java.time.Duration;

/**
 * OCR of pages that have no text layer, with the {@code tesseract} command.
 *
 * @param enabled     false: such pages are only reported
 * @param dpi         resolution at which pages are rendered for tesseract
 * @param language    tesseract language code(s), e.g. {@code eng} or {@code eng+fra}
 * @param pageTimeout budget for tesseract on one page; the process is killed after it
 */
public record OcrOptions(boolean enabled, int dpi, String language, Duration pageTimeout) {
    public static final int DEFAULT_DPI = 200;
    public static final String DEFAULT_LANGUAGE = "eng";
    public static final Duration DEFAULT_PAGE_TIMEOUT = Duration.ofSeconds(60);

    public OcrOptions {
        if (dpi < 50 || dpi > 600) {
            throw new IllegalArgumentException("OCR dpi must be between 50 and 600");
        }
        if (!language.matches("[A-Za-z_]+(\\+[A-Za-z_]+)*")) {
            throw new IllegalArgumentException("OCR language must look like eng or eng+fra: " + language);
        }
    }

    /** On when tesseract is on the PATH. */
    public static OcrOptions auto() {
        return new OcrOptions(TesseractOcr.onPath(), DEFAULT_DPI, DEFAULT_LANGUAGE, DEFAULT_PAGE_TIMEOUT);
    }

    public static OcrOptions off() {
        return new OcrOptions(false, DEFAULT_DPI, DEFAULT_LANGUAGE, DEFAULT_PAGE_TIMEOUT);
    }
}
