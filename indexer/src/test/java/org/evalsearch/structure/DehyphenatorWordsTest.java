package org.evalsearch.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written word scan of the dehyphenator finds the words the plain expression finds. */
class DehyphenatorWordsTest {
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final List<String> PIECES = List.of("-", "-", "--", " ", "a", "bc", "É", "ß", "3", ".", "’", "\u00AD",
            "\uD835\uDC00", "\uD801\uDC00", "\uD835", "\uDC00", "ı", "x-", "-y", "\u2010");

    @Test
    void sameWordsAsTheExpression() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(14);
            for (int k = 0; k < n; k++) {
                b.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = b.toString();
            List<String> expected = new ArrayList<>();
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                expected.add(m.start() + ":" + m.end());
            }
            List<String> found = new ArrayList<>();
            for (int start = Dehyphenator.nextLetter(text, 0); start >= 0; ) {
                int end = Dehyphenator.wordEnd(text, start);
                found.add(start + ":" + end);
                start = Dehyphenator.nextLetter(text, end);
            }
            assertEquals(expected, found, () -> "[" + text + "]");
        }
    }
}
