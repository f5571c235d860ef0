package org.evalsearch.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * Reads the text layer of a PDF with PDFBox in a single pass over its pages: lines in reading order with their
 * position and font, running headers, footers and page numbers removed, footnotes marked, and the PDF's
 * outline, page labels and information dictionary.
 */
public final class PdfExtractor {
    private static final int MAX_OUTLINE_ENTRIES = 2_000;
    private static final int MAX_OUTLINE_DEPTH = 12;

    public ExtractedPdf extract(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return extract(doc);
        }
    }

    /** Extracts a document loaded by the caller, who chooses how it is loaded (limits, memory) and closes it. */
    public ExtractedPdf extract(PDDocument doc) throws IOException {
        int pageCount = doc.getNumberOfPages();
        List<RunningTextFilter.Page> raw = new ArrayList<>(pageCount);
        List<Float> widths = new ArrayList<>(pageCount);
        LineAssembler assembler = new LineAssembler();
        PageCollector collector = new PageCollector((number, width, height, glyphs, rules) -> {
            raw.add(new RunningTextFilter.Page(number, height, assembler.assemble(width, glyphs, rules)));
            widths.add(width);
        });
        collector.getText(doc);

        float bodySize = bodyFontSize(raw);
        RunningTextFilter.Result filtered = new RunningTextFilter().filter(raw);
        String[] pdfLabels = pageLabels(doc);
        FootnoteZone footnotes = new FootnoteZone();
        List<ExtractedPdf.PageText> pages = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            RunningTextFilter.Page p = raw.get(i);
            String label = pdfLabels != null && p.number() - 1 < pdfLabels.length ? pdfLabels[p.number() - 1] : null;
            if (label == null) {
                label = filtered.printedNumbers()[i];
            }
            List<ExtractedPdf.Line> lines = footnotes.mark(respaced(filtered.lines().get(i)), p.height(), bodySize);
            pages.add(new ExtractedPdf.PageText(p.number(), label, widths.get(i), p.height(), lines));
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        Calendar created = null;
        try {
            created = info.getCreationDate();
        } catch (RuntimeException malformedDate) {
            // an unparseable date is no date
        }
        String language = doc.getDocumentCatalog().getLanguage();
        return new ExtractedPdf(pageCount, pages, blankToNull(info.getTitle()), blankToNull(language),
                created == null ? 0 : created.get(Calendar.YEAR), outline(doc), bodySize);
    }

    /** Line spacing measured again once running headers are gone, so that none is measured from them. */
    private static List<ExtractedPdf.Line> respaced(List<ExtractedPdf.Line> lines) {
        List<ExtractedPdf.Line> out = new ArrayList<>(lines.size());
        ExtractedPdf.Line prev = null;
        for (ExtractedPdf.Line l : lines) {
            float spacing = prev != null && prev.column() == l.column() && l.baseline() > prev.baseline()
                    ? l.baseline() - prev.baseline() : 0;
            out.add(spacing == l.lineSpacing() ? l : l.withSpacing(spacing));
            prev = l;
        }
        return out;
    }

    /** The font size that most characters of the document are set in. */
    private static float bodyFontSize(List<RunningTextFilter.Page> pages) {
        Map<Float, Integer> chars = new HashMap<>();
        for (RunningTextFilter.Page p : pages) {
            for (ExtractedPdf.Line l : p.lines()) {
                chars.merge(l.fontSize(), l.text().length(), Integer::sum);
            }
        }
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    private static String[] pageLabels(PDDocument doc) {
        try {
            PDPageLabels labels = doc.getDocumentCatalog().getPageLabels();
            return labels == null ? null : labels.getLabelsByPageIndices();
        } catch (IOException | RuntimeException badLabels) {
            return null;
        }
    }

    /** The bookmarks, walked without recursion so that a maliciously deep outline cannot overflow the stack. */
    private static List<ExtractedPdf.OutlineEntry> outline(PDDocument doc) {
        List<ExtractedPdf.OutlineEntry> out = new ArrayList<>();
        try {
            PDDocumentOutline root = doc.getDocumentCatalog().getDocumentOutline();
            if (root == null) {
                return out;
            }
            Map<PDPage, Integer> pageNumbers = new HashMap<>();
            int n = 1;
            for (PDPage page : doc.getPages()) {
                pageNumbers.put(page, n++);
            }
            Deque<Pending> stack = new ArrayDeque<>();
            pushChildren(stack, root, 1);
            while (!stack.isEmpty() && out.size() < MAX_OUTLINE_ENTRIES) {
                Pending p = stack.pop();
                PDPage page = null;
                try {
                    page = p.item().findDestinationPage(doc);
                } catch (IOException | RuntimeException badDestination) {
                    // a bookmark without a usable destination still names a section
                }
                String title = p.item().getTitle();
                if (title != null && !title.isBlank()) {
                    out.add(new ExtractedPdf.OutlineEntry(LineAssembler.normalise(title.strip()), p.level(),
                            page == null ? 0 : pageNumbers.getOrDefault(page, 0)));
                }
                if (p.level() < MAX_OUTLINE_DEPTH) {
                    pushChildren(stack, p.item(), p.level() + 1);
                }
            }
        } catch (RuntimeException brokenOutline) {
            // a broken outline is no outline; headings are then found from the fonts alone
        }
        return out;
    }

    private record Pending(PDOutlineItem item, int level) {}

    private static void pushChildren(Deque<Pending> stack, PDOutlineNode node, int level) {
        List<PDOutlineItem> children = new ArrayList<>();
        int guard = 0;
        for (PDOutlineItem child : node.children()) {
            children.add(child);
            if (++guard > MAX_OUTLINE_ENTRIES) {
                break;
            }
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(new Pending(children.get(i), level));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
