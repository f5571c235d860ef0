package org.evalsearch.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random texts made of words the tagging data files use (so that cues, theme phrases and place names do occur,
 * split, inflected, in other cases and glued to neighbours), filler words, punctuation and a few characters that
 * case-insensitive matching treats specially. For checking the fast matchers against plain reference ones.
 */
final class RandomTexts {
    private static final List<String> FILLER = List.of("the", "of", "and", "a", "in", "to", "work", "ILO", "was",
            "is", "not", "2013", "No. 189", "(", ")", ":", ";", ",", ".", "-", "/", "’", "'", "\n", "é", "\u212A",
            "\u017F", "\u0130", "ß", "1st", "x", "s", "es", "ed", "ing");
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    private final Random random;
    private final List<String> vocabulary = new ArrayList<>();

    RandomTexts(long seed, List<String> sources) {
        this.random = new Random(seed);
        for (String s : sources) {
            vocabulary.add(s);
            Matcher m = WORDS.matcher(s);
            while (m.find()) {
                vocabulary.add(m.group());
            }
        }
    }

    String next() {
        int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 40);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = random.nextInt(3) == 0 ? FILLER.get(random.nextInt(FILLER.size()))
                    : vocabulary.get(random.nextInt(vocabulary.size()));
            w = switch (random.nextInt(8)) {
                case 0 -> w.toUpperCase(java.util.Locale.ROOT);
                case 1 -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
                case 2 -> w.toLowerCase(java.util.Locale.ROOT);
                case 3 -> w.length() > 3 ? w.substring(0, 1 + random.nextInt(w.length() - 1)) : w;
                default -> w;
            };
            out.append(w);
            int glue = random.nextInt(10);
            out.append(glue == 0 ? "" : glue == 1 ? "-" : glue == 2 ? "  " : glue == 3 ? ", " : " ");
        }
        return out.toString();
    }
}
