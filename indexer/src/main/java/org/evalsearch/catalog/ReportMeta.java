package org.evalsearch.catalog;

/**
 * What is known about one report file: from the catalog when the file is listed there, otherwise from
 * the PDF's own metadata and first pages.
 *
 * @param doc            the file name, which is the document's id in the index and the API
 * @param evaluation     the evaluation this file belongs to; a summary, its full report and translations share it
 * @param sha256         content hash, used to re-index only new or changed files
 */
public record ReportMeta(
        String doc,
        String title,
        int year,
        String evaluation,
        String evaluationType,
        String language,
        String scope,
        int pageCount,
        long fileSize,
        String sha256) {

    /** Whether a catalog row gives what the file's own content would otherwise have to: title, year, language. */
    public boolean complete() {
        return title != null && year > 0 && language != null;
    }

    /** This catalog row, with the title, year and language it leaves out taken from {@code guess}. */
    public ReportMeta completedBy(ReportMeta guess) {
        return new ReportMeta(doc, title != null ? title : guess.title(), year > 0 ? year : guess.year(), evaluation,
                evaluationType, language != null ? language : guess.language(), scope, pageCount, fileSize, sha256);
    }

    public ReportMeta withPdfFacts(int pages, long size, String hash) {
        return new ReportMeta(doc, title, year, evaluation, evaluationType, language, scope, pages, size, hash);
    }
}
