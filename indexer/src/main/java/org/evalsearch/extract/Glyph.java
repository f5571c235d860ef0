package org.evalsearch.extract;

/**
 * One character as drawn on a page, in the page's upright coordinates (y grows downwards).
 *
 * @param spaceBefore true when the content stream put a space character right before this glyph
 * @param dir         the writing direction in degrees (0 for ordinary upright text)
 */
record Glyph(String text, float x, float width, float baseline, float size, boolean bold, boolean italic,
             boolean spaceBefore, int dir) {

    float right() {
        return x + width;
    }
}
