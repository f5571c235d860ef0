package org.evalsearch.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The leader check that guards the table-of-contents expression must never skip a line it would match; the
 * first-word scan measures what {@code split("\\s", 2)[0]} did.
 */
class TocLeaderTest {
    private static final List<String> PIECES = List.of(".", ".", ". ", "\t", "\u000B", "\f", "\r", "\n", " ", "…", "_",
            "__", "Introduction", "3", "12", "iv", "x", "a", "-", "\u00A0", "\u2003");

    @Test
    void everyLineTheExpressionMatchesHasALeader() {
        Random random = new Random(42);
        int matched = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder line = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                line.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = line.toString();
            if (PassageBuilder.TOC_ENTRY.matcher(text).matches()) {
                matched++;
                assertTrue(PassageBuilder.hasLeader(text), () -> "leader missed in [" + text + "]");
            }
        }
        assertTrue(matched > 1_000, "the random lines should include many entries: " + matched);
    }

    @Test
    void ordinaryLinesHaveNone() {
        assertEquals(false, PassageBuilder.hasLeader("The project (2013-2016) was evaluated. It ended in 2016."));
        assertEquals(true, PassageBuilder.hasLeader("Executive summary . . . . 4"));
        assertEquals(true, PassageBuilder.hasLeader("Findings…12"));
        assertEquals(true, PassageBuilder.hasLeader("Annex ___ 40"));
    }

    @Test
    void firstWordAsTheExpressionSplitsIt() {
        Random random = new Random(43);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder line = new StringBuilder();
            int n = random.nextInt(8);
            for (int k = 0; k < n; k++) {
                line.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = line.toString();
            assertEquals(text.split("\\s", 2)[0].length(), PassageBuilder.firstWordLength(text), () -> "[" + text + "]");
        }
    }
}
