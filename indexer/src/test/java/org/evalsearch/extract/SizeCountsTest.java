package org.evalsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A line's most common font size is what the map it replaces gave: the size with the most characters, equal
 * counts settled by the iteration order of a {@code HashMap<Float, Integer>} merged glyph by glyph.
 */
class SizeCountsTest {
    @Test
    void sameSizeAsTheMapOnRandomLines() {
        Random random = new Random(7);
        int ties = 0;
        for (int line = 0; line < 20_000; line++) {
            SizeCounts counts = new SizeCounts();
            Map<Float, Integer> map = new HashMap<>();
            int sizes = 1 + random.nextInt(random.nextInt(10) == 0 ? 30 : 4);
            int glyphs = 1 + random.nextInt(60);
            for (int g = 0; g < glyphs; g++) {
                float size = Math.round((6 + random.nextInt(sizes) * 0.5f + random.nextFloat() * 0.2f) * 2) / 2f;
                int chars = random.nextInt(20) == 0 ? 2 : 1;
                counts.add(size, chars);
                map.merge(size, chars, Integer::sum);
            }
            float expected = 0;
            int best = -1;
            for (Map.Entry<Float, Integer> e : map.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    expected = e.getKey();
                }
            }
            int top = best;
            if (map.values().stream().filter(v -> v == top).count() > 1) {
                ties++;
            }
            assertEquals(expected, counts.mostCommon(), "line " + line + ": " + map);
        }
        assertEquals(true, ties > 1_000, "ties must be exercised, were " + ties);
    }

    @Test
    void noSizesIsZero() {
        assertEquals(0f, new SizeCounts().mostCommon());
    }
}
