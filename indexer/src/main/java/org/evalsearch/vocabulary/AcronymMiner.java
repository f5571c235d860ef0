package org.evalsearch.vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the acronyms a report defines, in two places: its list of acronyms/abbreviations (a section so named,
 * one "SHORT Long form" entry after another) and definitions in running text, "Long Form (SHORT)", whose long
 * form is found with the Schwartz-Hearst algorithm (A. Schwartz, M. Hearst, "A simple algorithm for identifying
 * abbreviation definitions in biomedical text", PSB 2003): every letter of the short form, right to left, must
 * occur in the words before the parenthesis, the first one at the start of a word.
 */
public final class AcronymMiner {
    static final Pattern LIST_SECTION = Pattern.compile(
            "(?iu)\\b(acronyms?|abbreviations?|initialisms?|sigles|siglas|acr[oó]nimos|abr[eé]viations?|abreviaturas?)\\b");
    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(([^()\\s]{2,12})\\)");
    private static final Pattern SHORT_FORM = Pattern.compile("\\p{Lu}[\\p{L}\\p{N}&/.\\-]*");
    private static final Pattern TITLE_WORD = Pattern.compile("\\p{Lu}\\p{Ll}.*");
    private static final int MAX_LONG_WORDS = 12;
    /** A bullet or arrow in a long form starts the next list or heading the extraction ran into. */
    private static final Pattern BULLET_AND_AFTER = Pattern.compile("\\s*[►▶•▪■●◆].*$");

    private AcronymMiner() {}

    /** The acronyms defined in one passage of the section {@code section} (its path, may be null). */
    public static List<Acronym> mine(String section, String text) {
        Set<Acronym> found = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (section != null && isListSection(section)) {
            for (String line : text.split("\\R")) {
                found.addAll(listEntries(line));
            }
        }
        found.addAll(definitionsInText(text));
        return List.copyOf(found);
    }

    /**
     * Whether the section path names a list of acronyms ({@link #LIST_SECTION}). Every passage asks this of its
     * section path, and the expression tries its alternatives at every position; nearly no path has one of the
     * three letters every alternative starts with ("acr", "abb", "abr", "ini", "sig", in any case), so the
     * expression only runs where one is.
     */
    static boolean isListSection(String section) {
        String folded = foldCase(section);
        boolean possible = false;
        for (String start : LIST_STARTS) {
            if (folded.contains(start)) {
                possible = true;
                break;
            }
        }
        return possible && LIST_SECTION.matcher(section).find();
    }

    private static final List<String> LIST_STARTS = List.of("acr", "abb", "abr", "ini", "sig");

    /** Each character as case-insensitive Unicode matching compares it: upper-cased, then lower-cased. */
    private static String foldCase(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
        }
        return new String(out);
    }

    /** A short form: starts with a capital, has at least two capitals and more capitals than lower-case letters. */
    static boolean isShortForm(String s) {
        if (s.length() < 2 || s.length() > 12 || !SHORT_FORM.matcher(s).matches()) {
            return false;
        }
        int upper = 0, lower = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return upper >= 2 && upper > lower;
    }

    /** Entries of a list line "ABC Long form DEF Other long form": a short form followed by a capitalised word starts one. */
    private static List<Acronym> listEntries(String line) {
        String[] words = line.trim().replaceAll("\\s+[:=–—-]\\s+", " ").split("\\s+");
        List<Acronym> entries = new ArrayList<>();
        String shortForm = null;
        List<String> longWords = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            // "ACT/EMP ILO Bureau for ...": a short form right after another one belongs to its long form
            boolean startsEntry = isShortForm(words[i]) && (shortForm == null || !longWords.isEmpty())
                    && (isTitleWord(words, i + 1) || (i + 1 < words.length && isShortForm(words[i + 1]) && isTitleWord(words, i + 2)));
            if (startsEntry) {
                addEntry(entries, shortForm, longWords);
                shortForm = words[i];
                longWords = new ArrayList<>();
            } else if (shortForm != null) {
                longWords.add(words[i]);
            }
        }
        addEntry(entries, shortForm, longWords);
        return entries;
    }

    private static boolean isTitleWord(String[] words, int i) {
        return i < words.length && TITLE_WORD.matcher(words[i]).matches();
    }

    private static void addEntry(List<Acronym> entries, String shortForm, List<String> longWords) {
        if (shortForm != null && !longWords.isEmpty() && longWords.size() <= MAX_LONG_WORDS) {
            entries.add(new Acronym(shortForm, clean(String.join(" ", longWords))));
        }
    }

    private static List<Acronym> definitionsInText(String text) {
        List<Acronym> found = new ArrayList<>();
        Matcher m = IN_PARENTHESES.matcher(text);
        while (m.find()) {
            String shortForm = m.group(1).replaceAll("[.,;:]+$", "");
            if (!isShortForm(shortForm)) {
                continue;
            }
            String before = text.substring(0, m.start()).trim();
            String[] words = before.split("\\s+");
            int letters = shortForm.replaceAll("[^\\p{L}\\p{N}]", "").length();
            int window = Math.min(words.length, Math.min(letters + 5, letters * 2));
            String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - window, words.length));
            String longForm = bestLongForm(shortForm, candidate);
            if (longForm != null) {
                found.add(new Acronym(shortForm, clean(longForm)));
            }
        }
        return found;
    }

    /** Schwartz-Hearst: the shortest tail of {@code candidate} that contains the short form's letters in order. */
    static String bestLongForm(String shortForm, String candidate) {
        int s = shortForm.length() - 1;
        int l = candidate.length() - 1;
        for (; s >= 0; s--) {
            char c = Character.toLowerCase(shortForm.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            while ((l >= 0 && Character.toLowerCase(candidate.charAt(l)) != c)
                    || (s == 0 && l > 0 && Character.isLetterOrDigit(candidate.charAt(l - 1)))) {
                l--;
            }
            if (l < 0) {
                return null;
            }
            l--;
        }
        int start = candidate.lastIndexOf(' ', l) + 1;
        String longForm = candidate.substring(start);
        boolean usable = longForm.length() > shortForm.length()
                && longForm.split("\\s+").length <= MAX_LONG_WORDS
                && !longForm.contains(shortForm);
        return usable ? longForm : null;
    }

    private static String clean(String longForm) {
        return BULLET_AND_AFTER.matcher(longForm).replaceAll("").replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s&&[^)]]+$", "").replaceAll("\\s+", " ");
    }
}
