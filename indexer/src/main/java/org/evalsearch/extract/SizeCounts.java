package org.evalsearch.extract;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Characters per font size on one line, to find the size most of the line is set in. A line has a few sizes and
 * tens of glyphs, so the sizes are counted in small arrays rather than merged glyph by glyph into a map of boxed
 * numbers.
 */
final class SizeCounts {
    private float[] sizes = new float[4];
    private int[] chars = new int[4];
    private int distinct;
    /** Every count added, in order, to settle equal counts as the map did. */
    private float[] addedSizes = new float[64];
    private int[] addedChars = new int[64];
    private int added;

    void add(float size, int n) {
        if (added == addedSizes.length) {
            addedSizes = Arrays.copyOf(addedSizes, added * 2);
            addedChars = Arrays.copyOf(addedChars, added * 2);
        }
        addedSizes[added] = size;
        addedChars[added] = n;
        added++;
        for (int i = 0; i < distinct; i++) {
            if (Float.compare(sizes[i], size) == 0) {
                chars[i] += n;
                return;
            }
        }
        if (distinct == sizes.length) {
            sizes = Arrays.copyOf(sizes, distinct * 2);
            chars = Arrays.copyOf(chars, distinct * 2);
        }
        sizes[distinct] = size;
        chars[distinct] = n;
        distinct++;
    }

    /**
     * The size with the most characters, 0 when none. Sizes with equally many characters are settled as they
     * always were: the first in the iteration order of a {@code HashMap<Float, Integer>} that every count was
     * merged into, in order (that order depends on when the map grew, so the merges are replayed).
     */
    float mostCommon() {
        int best = -1;
        int ties = 0;
        float size = 0;
        for (int i = 0; i < distinct; i++) {
            if (chars[i] > best) {
                best = chars[i];
                size = sizes[i];
                ties = 1;
            } else if (chars[i] == best) {
                ties++;
            }
        }
        if (ties <= 1) {
            return size;
        }
        Map<Float, Integer> merged = new HashMap<>();
        for (int i = 0; i < added; i++) {
            merged.merge(addedSizes[i], addedChars[i], Integer::sum);
        }
        best = -1;
        for (Map.Entry<Float, Integer> e : merged.entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                size = e.getKey();
            }
        }
        return size;
    }
}
