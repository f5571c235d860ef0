package org.evalsearch.query;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * Guesses the language of a query from its function words and accents, so that passages in that language come
 * first: the Spanish summary's "labor" (work) should not outrank the English "labour" for a query typed in English.
 * Without any cue a query is English, the language of most reports.
 */
final class QueryLanguage {
    static final String ENGLISH = "en";
    static final String FRENCH = "fr";
    static final String SPANISH = "es";
    /** Languages with their own analysed field. */
    static final List<String> ANALYSED = List.of(ENGLISH, FRENCH, SPANISH);

    private static final CharArraySet EN = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final CharArraySet FR = FrenchAnalyzer.getDefaultStopSet();
    private static final CharArraySet ES = SpanishAnalyzer.getDefaultStopSet();

    private QueryLanguage() {}

    static String guess(String query) {
        int en = 0, fr = 0, es = 0;
        for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            String w = word.replaceFirst("^[ldjmnstc]'", "");
            if (w.isEmpty()) {
                continue;
            }
            boolean inEn = EN.contains(w), inFr = FR.contains(w), inEs = ES.contains(w);
            // words shared by the lists ("a", "de" in both fr and es) say little
            if (inEn && !inFr && !inEs) {
                en += 2;
            }
            if (inFr && !inEn) {
                fr += inEs ? 1 : 2;
            }
            if (inEs && !inEn) {
                es += inFr ? 1 : 2;
            }
            if (!word.equals(w)) {
                fr += 2; // elision: l'emploi, d'œuvre
            }
            if (w.matches(".*[éèêëàâçîïôûùœ].*")) {
                fr += 2;
            }
            if (w.matches(".*[ñáíóú].*") || w.matches(".*ción$")) {
                es += 2;
            }
        }
        if (fr > en && fr > es) {
            return FRENCH;
        }
        if (es > en && es > fr) {
            return SPANISH;
        }
        return ENGLISH;
    }
}
