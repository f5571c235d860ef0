package org.evalsearch.structure;

import java.util.regex.Pattern;

/** {@code \s} of a {@link Pattern} without flags, for the hand-written scans that replace such expressions. */
public final class RegexSpace {
    private RegexSpace() {}

    public static boolean is(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
