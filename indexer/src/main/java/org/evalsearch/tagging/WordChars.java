package org.evalsearch.tagging;

/** The characters of a word, as the regular expressions the tagging's hand-written scans replace define them. */
final class WordChars {
    private WordChars() {}

    /** {@code [\p{L}\p{N}]} of a Java regular expression: a letter or any kind of number. */
    static boolean isLetterOrNumber(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
