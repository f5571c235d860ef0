package org.evalsearch.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scan for the last sentence finds what splitting with the plain expression finds, and the check
 * before the announcing-word expression never makes it miss one.
 */
class SentenceSplitTest {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+(?=[\\p{Lu}\\d\"“(•▪●▶►–-])");
    private static final List<String> PIECES = List.of(".", "!", "?", ":", ";", " ", " ", "  ", "\t", "\n", "\u000B",
            "\f", "\r", "\u00A0", "The", "the", "É", "é", "3", "\"", "“", "(", "•", "▪", "●", "▶", "►", "–", "-", "—",
            "\uD835\uDC00", "\uD835\uDC1A", "findings", "below", "x");

    @Test
    void lastSentenceIsTheLastPieceOfTheSplit() {
        Random random = new Random(7);
        int split = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(16);
            for (int k = 0; k < n; k++) {
                b.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = b.toString();
            String[] sentences = SENTENCE_END.split(text);
            int start = PassageTyper.lastSentenceStart(text);
            assertEquals(sentences[sentences.length - 1], text.substring(start), () -> "[" + text + "]");
            assertEquals(sentences.length == 1, start == 0, () -> "[" + text + "]");
            if (sentences.length > 1) {
                split++;
            }
        }
        assertTrue(split > 10_000, "the random texts should often have several sentences: " + split);
    }

    @Test
    void announcingWordsAsTheExpressionFindsThem() {
        List<String> pieces = List.of("below", "Below", "BELOW", "follow", "Following", "as follows", "as  follows",
                "As Follows", "followings", "bel", "ow", "fol", "low", "ing", "s", " ", ".", ":", "-", "é", "\u212A",
                "\u017F", "findings", "x");
        Random random = new Random(8);
        int found = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(10);
            for (int k = 0; k < n; k++) {
                b.append(pieces.get(random.nextInt(pieces.size())));
            }
            String text = b.toString();
            boolean expected = PassageTyper.ANNOUNCING_WORD.matcher(text).find();
            found += expected ? 1 : 0;
            assertEquals(expected, PassageTyper.announcingWord(text), () -> "[" + text + "]");
        }
        assertTrue(found > 10_000, "the random texts should often announce: " + found);
    }
}
