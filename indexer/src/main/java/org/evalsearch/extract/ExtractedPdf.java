package org.evalsearch.extract;

import java.util.List;

/**
 * The text layer of a PDF, page by page, with what the PDF says about itself.
 *
 * @param infoTitle   the document information dictionary's Title, or null
 * @param infoYear    the year of the information dictionary's CreationDate, or 0; often the year the file was
 *                    made, not the report's year
 */
public record ExtractedPdf(int pageCount, List<PageText> pages, String infoTitle, String infoLanguage, int infoYear) {

    /** The text of one page, as lines in reading order, with the label printed on that page. */
    public record PageText(int number, String label, List<Line> lines) {}

    /**
     * One line of text with the facts layout analysis needs.
     *
     * @param fontSize the dominant font size of the line in points
     * @param bold     true when most of the line is set in a bold font
     * @param gapAbove vertical space between this line's top and the previous line's bottom on the page, in points
     */
    public record Line(String text, float x, float y, float fontSize, boolean bold, float gapAbove) {}
}
