package org.evalsearch.structure;

import org.evalsearch.extract.ExtractedPdf;

/**
 * A line with the page it is on, as the structure step reads it.
 *
 * @param text the line's text, with table-of-contents leaders and page numbers taken off
 * @param toc  true for a table-of-contents entry
 */
record LineRef(int page, String label, ExtractedPdf.Line line, String text, boolean toc) {}
