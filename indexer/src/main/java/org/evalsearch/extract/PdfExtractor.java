package org.evalsearch.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads the text layer of a PDF with PDFBox, one line at a time with its position and font. */
public final class PdfExtractor {

    public ExtractedPdf extract(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return extract(doc);
        }
    }

    /** Extracts a document loaded by the caller, who chooses how it is loaded (limits, memory) and closes it. */
    public ExtractedPdf extract(PDDocument doc) throws IOException {
        int pageCount = doc.getNumberOfPages();
        String[] labels = pageLabels(doc);
        List<ExtractedPdf.PageText> pages = new ArrayList<>(pageCount);
        LineCollector collector = new LineCollector();
        for (int p = 1; p <= pageCount; p++) {
            collector.setStartPage(p);
            collector.setEndPage(p);
            collector.lines.clear();
            collector.getText(doc);
            String label = labels != null && p - 1 < labels.length ? labels[p - 1] : null;
            pages.add(new ExtractedPdf.PageText(p, label, List.copyOf(collector.lines)));
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        Calendar created = info.getCreationDate();
        String language = doc.getDocumentCatalog().getLanguage();
        return new ExtractedPdf(pageCount, pages, blankToNull(info.getTitle()), blankToNull(language),
                created == null ? 0 : created.get(Calendar.YEAR));
    }

    private static String[] pageLabels(PDDocument doc) throws IOException {
        PDPageLabels labels = doc.getDocumentCatalog().getPageLabels();
        return labels == null ? null : labels.getLabelsByPageIndices();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Collects the stripper's output as lines, keeping the font and position of each. */
    private static final class LineCollector extends PDFTextStripper {
        final List<ExtractedPdf.Line> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<TextPosition> positions = new ArrayList<>();
        private float lastBottom = Float.NaN;

        LineCollector() {
            setSortByPosition(false);
            setSuppressDuplicateOverlappingText(true);
        }

        @Override
        protected void startPage(org.apache.pdfbox.pdmodel.PDPage page) {
            lastBottom = Float.NaN;
        }

        @Override
        protected void writeString(String s, List<TextPosition> textPositions) {
            text.append(s);
            positions.addAll(textPositions);
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            flush();
        }

        @Override
        protected void writeParagraphEnd() {
            flush();
        }

        @Override
        protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) {
            flush();
        }

        private void flush() {
            String s = Normalizer.normalize(text.toString(), Normalizer.Form.NFKC).strip();
            if (!s.isEmpty() && !positions.isEmpty()) {
                TextPosition first = positions.get(0);
                float size = 0;
                int boldChars = 0;
                float top = Float.MAX_VALUE;
                float bottom = 0;
                for (TextPosition tp : positions) {
                    size = Math.max(size, tp.getFontSizeInPt());
                    String font = tp.getFont().getName();
                    if (font != null && font.toLowerCase().contains("bold")) {
                        boldChars++;
                    }
                    top = Math.min(top, tp.getYDirAdj() - tp.getHeightDir());
                    bottom = Math.max(bottom, tp.getYDirAdj());
                }
                float gap = Float.isNaN(lastBottom) ? 0 : top - lastBottom;
                lines.add(new ExtractedPdf.Line(s, first.getXDirAdj(), first.getYDirAdj(), size,
                        boldChars * 2 > positions.size(), gap));
                lastBottom = bottom;
            }
            text.setLength(0);
            positions.clear();
        }
    }
}
