package org.evalsearch.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cue's case-insensitive regular expression, run only where it can match. Most cues are alternations of words
 * ("\bbudgets?\b|\bcosts?\b|..."), and a regular expression tries every alternative at every position of the
 * text, which made cue matching a large share of indexing. Each top-level alternative has a word that every match
 * of it must contain (read from the expression: letters and digits outside groups, classes and optional parts);
 * an alternative whose word is not in the text cannot match there, so it is left out, and a cue with no
 * alternative left is not run at all. The matches found are exactly those of the whole expression: a top-level
 * alternative that cannot match anywhere never changes which alternative matches first at a position. An
 * expression the reading does not understand (inline flags, back-references, quoting, unusual escapes) is always
 * run whole.
 */
final class CuePattern {
    private final Pattern pattern;
    /** The top-level alternatives' source, and the word each must contain (folded); null: always run whole. */
    private final List<String> alternatives;
    private final List<String> words;
    /** Each alternative's first character, folded, or 0 where it is not a plain letter or digit. */
    private final char[] firsts;
    private final Map<Long, Reduced> reduced = new ConcurrentHashMap<>();
    /** The expression as run for the alternatives a text holds, and the characters a match of one can start with. */
    private record Reduced(Pattern pattern, String firsts) {}

    CuePattern(Pattern pattern) {
        this.pattern = pattern;
        List<String> alts = topLevelAlternatives(pattern.pattern());
        List<String> required = alts == null || alts.size() > Long.SIZE ? null : new ArrayList<>();
        if (required != null) {
            for (String a : alts) {
                String w = requiredWord(a);
                if (w == null) {
                    required = null;
                    break;
                }
                required.add(fold(w));
            }
        }
        this.alternatives = required == null ? null : List.copyOf(alts);
        this.words = required == null ? null : List.copyOf(required);
        this.firsts = new char[alternatives == null ? 0 : alternatives.size()];
        for (int i = 0; i < firsts.length; i++) {
            firsts[i] = firstChar(alternatives.get(i));
        }
    }

    Pattern pattern() {
        return pattern;
    }

    /**
     * A matcher over {@code text} that finds the same matches as the whole expression, or null when it cannot
     * match. {@code folded} is {@link #fold} of the text.
     */
    CueMatcher matcher(String text, String folded) {
        if (words == null) {
            return new CueMatcher(pattern.matcher(text), folded, null);
        }
        long present = 0;
        for (int i = 0; i < words.size(); i++) {
            if (folded.contains(words.get(i))) {
                present |= 1L << i;
            }
        }
        if (present == 0) {
            return null;
        }
        Reduced r = reduced.computeIfAbsent(present, this::reduce);
        return new CueMatcher(r.pattern().matcher(text), folded, r.firsts());
    }

    private Reduced reduce(long present) {
        StringBuilder source = new StringBuilder();
        StringBuilder starts = new StringBuilder();
        boolean allKnown = true;
        for (int i = 0; i < alternatives.size(); i++) {
            if ((present & 1L << i) != 0) {
                source.append(source.isEmpty() ? "" : "|").append(alternatives.get(i));
                starts.append(firsts[i]);
                allKnown &= firsts[i] != 0;
            }
        }
        Pattern p = Long.bitCount(present) == alternatives.size() ? pattern : Pattern.compile(source.toString(),
                pattern.flags());
        return new Reduced(p, allKnown ? starts.toString() : null);
    }

    /**
     * The character every match of the alternative starts with, folded: its first token after any {@code \b} when
     * that is an ASCII letter or digit that is not optional; 0 otherwise.
     */
    static char firstChar(String alternative) {
        int i = 0;
        while (alternative.startsWith("\\b", i)) {
            i += 2;
        }
        if (i >= alternative.length()) {
            return 0;
        }
        char c = alternative.charAt(i);
        boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        if (!plain || i + 1 < alternative.length() && "?*{".indexOf(alternative.charAt(i + 1)) >= 0) {
            return 0;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * The text as case-insensitive matching sees it: each character upper- then lower-cased, as
     * {@link Pattern#UNICODE_CASE} compares characters, so "Kelvin sign" K and long s fold like k and s.
     */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
        }
        return new String(out);
    }

    /** The expression split at its top-level "|", or null when it uses syntax this reading does not handle. */
    static List<String> topLevelAlternatives(String regex) {
        if (regex.contains("\\Q") || hasInlineFlagsOrNamedGroups(regex)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return depth == 0 ? out : null;
    }

    /**
     * The longest run of ASCII letters and digits that every match of the alternative contains, or null. Groups
     * (with their lookarounds), classes, escapes and anchors end a run; a quantifier that allows zero takes its
     * character out of the run.
     */
    static String requiredWord(String alternative) {
        String best = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < alternative.length(); i++) {
            char c = alternative.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                run.append(c);
                continue;
            }
            if ((c == '?' || c == '*' || c == '{') && !run.isEmpty()) {
                run.setLength(run.length() - 1);
            }
            best = longer(best, run);
            run.setLength(0);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= alternative.length() || !simpleEscape(alternative.charAt(i + 1))) {
                        return null;
                    }
                    i++;
                }
                case '[' -> i = classEnd(alternative, i);
                case '(' -> i = groupEnd(alternative, i);
                case '{' -> i = alternative.indexOf('}', i);
                default -> { }
            }
            if (i < 0) {
                return null;
            }
        }
        best = longer(best, run);
        return best;
    }

    private static String longer(String best, CharSequence run) {
        return run.length() > 0 && (best == null || run.length() > best.length()) ? run.toString() : best;
    }

    /** Escapes that stand for a class or an assertion, or a quoted punctuation character. */
    private static boolean simpleEscape(char c) {
        return "bBsSwWdDhHvVRXAzZG".indexOf(c) >= 0 || c < 128 && !Character.isLetterOrDigit(c);
    }

    /** Index of the "]" closing the class opened at {@code open}, or -1. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            return -1;
        }
        int depth = 1;
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the ")" closing the group opened at {@code open}, or -1. */
    private static int groupEnd(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** "(?i)", "(?-i:...)", "(?&lt;name&gt;...)": flags change how words match; names allow back-references. */
    private static boolean hasInlineFlagsOrNamedGroups(String regex) {
        for (int i = regex.indexOf("(?"); i >= 0; i = regex.indexOf("(?", i + 1)) {
            char next = i + 2 < regex.length() ? regex.charAt(i + 2) : ' ';
            char after = i + 3 < regex.length() ? regex.charAt(i + 3) : ' ';
            boolean known = next == ':' || next == '=' || next == '!' || next == '>'
                    || next == '<' && (after == '=' || after == '!');
            if (!known) {
                return true;
            }
        }
        return false;
    }
}
