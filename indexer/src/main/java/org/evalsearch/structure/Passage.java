package org.evalsearch.structure;

import java.util.List;

/**
 * A paragraph-, list-item- or table-sized unit of a report, in document order.
 *
 * @param ordinal   0-based position in the document; with the document id it makes the stable passage id
 * @param page      1-based PDF page on which the passage starts
 * @param pageLabel the page number printed on that page (e.g. "iv", "12"), or null when the PDF has none
 * @param section   the section path, outermost heading first
 * @param lead      the passage's bold or otherwise emphasised lead sentence, or null
 * @param notes     texts of the footnotes this passage cites
 * @param ocr       true when the text comes from OCR of a page image
 */
public record Passage(
        int ordinal,
        int page,
        String pageLabel,
        List<String> section,
        Kind kind,
        String text,
        String lead,
        List<String> notes,
        boolean ocr) {

    public enum Kind { PARAGRAPH, LIST_ITEM, TABLE, FOOTNOTE }

    public Passage {
        section = List.copyOf(section);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public String id(String doc) {
        return doc + "#" + ordinal;
    }

    /** The section path as one string, e.g. "5. Key Findings &gt; 5.2 Recommendations". */
    public String sectionPath() {
        return String.join(" > ", section);
    }
}
