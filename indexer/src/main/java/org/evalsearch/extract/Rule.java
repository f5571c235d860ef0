package org.evalsearch.extract;

/** A straight line or rectangle edge drawn on a page, in the same upright coordinates as the glyphs. */
record Rule(float x0, float y0, float x1, float y1) {

    boolean horizontal() {
        return Math.abs(y1 - y0) < 1.5f && Math.abs(x1 - x0) >= 1.5f;
    }

    boolean vertical() {
        return Math.abs(x1 - x0) < 1.5f && Math.abs(y1 - y0) >= 1.5f;
    }

    float left() {
        return Math.min(x0, x1);
    }

    float right() {
        return Math.max(x0, x1);
    }

    float top() {
        return Math.min(y0, y1);
    }

    float bottom() {
        return Math.max(y0, y1);
    }
}
