package org.evalsearch.structure;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a hyphen at the end of a line is a line-wrap hyphen (to remove) or a real one ("cross-cutting",
 * "follow-up"), from the words the document itself uses elsewhere: a compound seen with its hyphen keeps it; a
 * word seen whole is joined; when the part after the hyphen is a word the document uses on its own, the hyphen is
 * kept; anything else is a broken word.
 */
final class Dehyphenator {
    private static final Pattern TRAILING_PIECE = Pattern.compile("(\\p{L}+)-$");
    private static final Pattern LEADING_PIECE = Pattern.compile("^(\\p{L}+)");

    private final Set<String> words = new HashSet<>();
    private final Set<String> compounds = new HashSet<>();

    /** Learns the vocabulary from the document's lines; a word cut by a line-end hyphen is not learnt. */
    Dehyphenator(List<String> lines) {
        for (String line : lines) {
            String text = line.endsWith("-") ? line.substring(0, line.length() - 1) : line;
            int lastEnd = text.length();
            for (int start = nextLetter(text, 0); start >= 0; ) {
                int end = wordEnd(text, start);
                if (line.endsWith("-") && end == lastEnd) {
                    break;
                }
                String w = text.substring(start, end).toLowerCase(Locale.ROOT);
                start = nextLetter(text, end);
                if (w.indexOf('-') > 0) {
                    compounds.add(w);
                    for (String part : w.split("-")) {
                        words.add(part);
                    }
                } else {
                    words.add(w);
                }
            }
        }
    }

    /*
     * A word is what \p{L}+(?:-\p{L}+)* finds: letters, and more letters after each single hyphen. Found by hand,
     * as the learning pass reads every line of the document.
     */

    /** The index of the first letter at or after {@code from}, or -1. */
    static int nextLetter(String text, int from) {
        for (int i = from; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** The end of the word that starts with the letter at {@code start}. */
    static int wordEnd(String text, int start) {
        int end = letters(text, start);
        while (end + 1 < text.length() && text.charAt(end) == '-' && Character.isLetter(text.codePointAt(end + 1))) {
            end = letters(text, end + 1);
        }
        return end;
    }

    private static int letters(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!Character.isLetter(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** Joins a line ending in a hyphen to the next line's text. */
    String join(String before, String after) {
        Matcher a = TRAILING_PIECE.matcher(before);
        Matcher b = LEADING_PIECE.matcher(after);
        if (!a.find() || !b.find() || !Character.isLowerCase(after.charAt(0))) {
            return before + after;
        }
        String left = a.group(1).toLowerCase(Locale.ROOT);
        String right = b.group(1).toLowerCase(Locale.ROOT);
        boolean keepHyphen;
        if (compounds.contains(left + "-" + right)) {
            keepHyphen = true;
        } else if (words.contains(left + right)) {
            keepHyphen = false;
        } else {
            // "sub-" + "regional": the right part is a word of its own, so this is a compound; "develop-" +
            // "ment" is a broken word
            keepHyphen = words.contains(right) && right.length() > 1;
        }
        return keepHyphen ? before + after : before.substring(0, before.length() - 1) + after;
    }
}
