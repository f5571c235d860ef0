package org.evalsearch.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.evalsearch.index.Analyzers;

/**
 * Finds the themes a text is about by matching each theme's phrases with the search analysis, so "recruitment
 * fee" matches "recruitment fees": the text is analysed once into its terms by position, and a phrase matches
 * where its analysed terms stand at the same relative positions (what a Lucene phrase query with no slop
 * matches). Phrases written in capitals are acronyms and match case-sensitively ("MIGRANT" the unit, not
 * "migrant"). Thread-safe: the phrases are immutable and each call analyses into its own table.
 */
public final class ThemeMatcher {
    private static final String FIELD = "text";

    /** A phrase in capitals ("MIGRANT", "IOM") is an acronym: it must match in capitals, as a whole word. */
    private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}\\d&/-]{2,}");

    /**
     * One phrase of a theme and its weight: either analysed terms (slot k holds the terms that may stand at
     * {@code offsets[k]} positions after the first) or, for an acronym, the literal text.
     */
    private record Phrase(String[][] slots, int[] offsets, String acronym, int weight, int id) {}

    private record ThemePhrases(String id, List<Phrase> phrases) {}

    /** Weight a theme needs: one specific phrase (2) or two different related phrases (1 each). */
    static final int NEEDED = 2;
    /** Characters per extra unit of weight a longer text needs. */
    static final int LONG_TEXT = 1500;

    private final Analyzer analyzer = Analyzers.english();
    private final List<ThemePhrases> themes = new ArrayList<>();
    /** The phrases of analysed terms, by {@link Phrase#id}. */
    private final List<Phrase> termPhrases = new ArrayList<>();
    /**
     * Ids of the phrases that may start with a term: a text is checked for the phrases its own terms can start
     * (tens of terms) rather than each of the taxonomy's phrases being looked up in it.
     */
    private final Map<String, int[]> byFirstTerm = new HashMap<>();

    public ThemeMatcher(Taxonomy taxonomy) {
        for (Taxonomy.Theme t : taxonomy.themes()) {
            List<Phrase> phrases = new ArrayList<>();
            t.phrases().forEach(x -> add(x, NEEDED, phrases));
            t.related().forEach(x -> add(x, 1, phrases));
            themes.add(new ThemePhrases(t.id(), List.copyOf(phrases)));
        }
        Map<String, List<Integer>> starting = new HashMap<>();
        for (Phrase ph : termPhrases) {
            for (String term : ph.slots()[0]) {
                starting.computeIfAbsent(term, k -> new ArrayList<>()).add(ph.id());
            }
        }
        starting.forEach((term, ids) -> byFirstTerm.put(term, ids.stream().mapToInt(Integer::intValue).toArray()));
    }

    private void add(String phrase, int weight, List<Phrase> into) {
        if (ACRONYM.matcher(phrase).matches()) {
            into.add(new Phrase(null, null, phrase, weight, -1));
            return;
        }
        Terms terms = analyse(phrase);
        if (terms.isEmpty()) {
            return;
        }
        List<String[]> slots = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int first = -1;
        for (int position = 0; position < terms.byPosition.size(); position++) {
            List<String> there = terms.byPosition.get(position);
            if (there != null) {
                first = first < 0 ? position : first;
                slots.add(there.toArray(String[]::new));
                offsets.add(position - first);
            }
        }
        Phrase ph = new Phrase(slots.toArray(String[][]::new), offsets.stream().mapToInt(Integer::intValue).toArray(),
                null, weight, termPhrases.size());
        termPhrases.add(ph);
        into.add(ph);
    }

    /** A long passage (a table, a merged section) needs more evidence that it is about a theme. */
    static int needed(String text) {
        return NEEDED + text.length() / LONG_TEXT;
    }

    /** Themes whose phrases occur in the text, in taxonomy order, with the weight of the phrases matched. */
    public List<ThemeScore> score(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        boolean[] found = termPhrasesIn(analyse(text));
        List<ThemeScore> out = new ArrayList<>();
        for (ThemePhrases t : themes) {
            int weight = 0;
            for (Phrase ph : t.phrases()) {
                boolean hit = ph.acronym() != null ? containsWord(text, ph.acronym()) : found[ph.id()];
                if (hit) {
                    weight += ph.weight();
                }
            }
            if (weight >= needed(text)) {
                out.add(new ThemeScore(t.id(), weight));
            }
        }
        return out;
    }

    /** Which phrases of analysed terms occur in the text, by id. */
    private boolean[] termPhrasesIn(Terms terms) {
        boolean[] found = new boolean[termPhrases.size()];
        for (int start = 0; start < terms.byPosition.size(); start++) {
            List<String> there = terms.byPosition.get(start);
            if (there == null) {
                continue;
            }
            for (String term : there) {
                int[] candidates = byFirstTerm.get(term);
                if (candidates == null) {
                    continue;
                }
                for (int id : candidates) {
                    if (!found[id] && terms.matchesFrom(termPhrases.get(id), start)) {
                        found[id] = true;
                    }
                }
            }
        }
        return found;
    }

    /** Whether {@code word} occurs in the text, not touching a letter or digit on either side. */
    static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isLetterOrAsciiDigit(Character.codePointBefore(text, at)))
                    && (end == text.length() || !isLetterOrAsciiDigit(text.codePointAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code [\p{L}\d]} of a Java regular expression: any letter, ASCII digits only. */
    private static boolean isLetterOrAsciiDigit(int c) {
        return Character.isLetter(c) || c >= '0' && c <= '9';
    }

    /** The analysed terms of a text by position. */
    private Terms analyse(String text) {
        Terms terms = new Terms();
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                terms.add(term.toString(), position);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * Terms of a text: the terms at each position (one, without stacked tokens), read position by position to find
     * where each phrase can start.
     */
    private static final class Terms {
        final List<List<String>> byPosition = new ArrayList<>();

        void add(String term, int position) {
            while (byPosition.size() <= position) {
                byPosition.add(null);
            }
            List<String> there = byPosition.get(position);
            if (there == null) {
                byPosition.set(position, List.of(term));
            } else {
                List<String> more = new ArrayList<>(there);
                more.add(term);
                byPosition.set(position, more);
            }
        }

        boolean isEmpty() {
            return byPosition.isEmpty();
        }

        boolean matchesFrom(Phrase phrase, int start) {
            for (int k = 1; k < phrase.slots().length; k++) {
                int at = start + phrase.offsets()[k];
                List<String> there = at < byPosition.size() ? byPosition.get(at) : null;
                if (there == null || !anyOf(phrase.slots()[k], there)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean anyOf(String[] wanted, List<String> there) {
            for (String w : wanted) {
                if (there.contains(w)) {
                    return true;
                }
            }
            return false;
        }
    }

    public record ThemeScore(String theme, int weight) {}
}
