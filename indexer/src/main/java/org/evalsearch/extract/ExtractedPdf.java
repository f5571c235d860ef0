package org.evalsearch.extract;

import java.util.List;

/**
 * The text layer of a PDF, page by page in reading order, with layout removed (running headers and footers,
 * page numbers) and what the PDF says about itself.
 *
 * @param infoTitle    the document information dictionary's Title, or null
 * @param infoYear     the year of the information dictionary's CreationDate, or 0; often the year the file was
 *                     made, not the report's year
 * @param outline      the PDF's bookmarks in document order, empty when it has none
 * @param bodyFontSize the font size most of the document's text is set in
 */
public record ExtractedPdf(
        int pageCount,
        List<PageText> pages,
        String infoTitle,
        String infoLanguage,
        int infoYear,
        List<OutlineEntry> outline,
        float bodyFontSize) {

    public ExtractedPdf {
        pages = List.copyOf(pages);
        outline = outline == null ? List.of() : List.copyOf(outline);
    }

    /**
     * The same document with some pages read another way (OCR of page images); the body font size is measured
     * again over the new pages.
     */
    public ExtractedPdf withPages(List<PageText> newPages) {
        java.util.Map<Float, Integer> chars = new java.util.HashMap<>();
        for (PageText p : newPages) {
            for (Line l : p.lines()) {
                chars.merge(l.fontSize(), l.text().length(), Integer::sum);
            }
        }
        float body = chars.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse(bodyFontSize);
        return new ExtractedPdf(pageCount, newPages, infoTitle, infoLanguage, infoYear, outline, body);
    }

    /**
     * The text of one page, as lines in reading order.
     *
     * @param label the page label: from the PDF's page labels, else the page number printed on the page when it
     *              could be read reliably, else null
     */
    public record PageText(int number, String label, float width, float height, List<Line> lines) {}

    /** A bookmark: its title, depth (1 = top level) and the 1-based page it points to (0 when unknown). */
    public record OutlineEntry(String title, int level, int page) {}

    /** What a line is on its page, as far as geometry and fonts can tell. */
    public enum Role { BODY, FOOTNOTE }

    /**
     * One line of text in one column.
     *
     * @param text         the text, NFKC-normalised, without superscript note markers
     * @param column       the column the line sits in (0 = leftmost or the only one); lines spanning columns are 0
     * @param lineSpacing  baseline distance to the previous line of the same column on this page, or 0 when the
     *                     line starts a page, a column or follows a line of another column
     * @param fontSize     the dominant font size of the line in points
     * @param bold         true when nearly all of the line is set in a bold font
     * @param boldPrefix   how many leading characters of {@code text} are bold, bullets and numbers before the
     *                     first letter not counting (a bold lead-in); 0 when the first letter is not bold
     * @param noteRefs     footnote markers cited in this line (superscripts), in order
     * @param leadingMarker a superscript marker at the very start of the line (a footnote's own number), or null
     * @param cells        the line's parts when it has wide gaps, as in a table row; empty for ordinary lines.
     *                     In a ruled table row, one entry per cell (empty for an empty cell), the cell's own
     *                     lines separated by newlines
     * @param tableRow     true for a row of a ruled table
     */
    public record Line(
            String text,
            float x0,
            float x1,
            float baseline,
            int column,
            float lineSpacing,
            float fontSize,
            boolean bold,
            boolean italic,
            int boldPrefix,
            List<String> noteRefs,
            String leadingMarker,
            List<String> cells,
            boolean tableRow,
            Role role) {

        public Line {
            noteRefs = noteRefs == null ? List.of() : List.copyOf(noteRefs);
            cells = cells == null ? List.of() : List.copyOf(cells);
        }

        /** A line known only by its text and box, as OCR reads it: one column, regular type, no notes. */
        public static Line plain(String text, float x0, float x1, float baseline, float lineSpacing, float fontSize) {
            return new Line(text, x0, x1, baseline, 0, lineSpacing, fontSize, false, false, 0, List.of(), null,
                    List.of(), false, Role.BODY);
        }

        Line withRole(Role newRole) {
            return new Line(text, x0, x1, baseline, column, lineSpacing, fontSize, bold, italic, boldPrefix,
                    noteRefs, leadingMarker, cells, tableRow, newRole);
        }

        Line withSpacing(float spacing) {
            return new Line(text, x0, x1, baseline, column, spacing, fontSize, bold, italic, boldPrefix,
                    noteRefs, leadingMarker, cells, tableRow, role);
        }

        Line withText(String newText, List<String> newCells) {
            return new Line(newText, x0, x1, baseline, column, lineSpacing, fontSize, bold, italic,
                    Math.min(boldPrefix, newText.length()), noteRefs, leadingMarker, newCells, tableRow, role);
        }
    }
}
