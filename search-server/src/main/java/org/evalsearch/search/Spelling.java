package org.evalsearch.search;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.evalsearch.index.Schema;

/**
 * "Did you mean": each plain word of the query that the passage text does not contain is replaced by the
 * closest frequent word that it does. Operators, fields, phrases' quotes and wildcards are kept as typed.
 */
final class Spelling {
    private static final Pattern WORD = Pattern.compile("(?<![\\w:*?~])(\\p{L}{3,})(?![\\w:*?~])");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO");
    private static final int MAX_QUERY = 200;

    private final DirectSpellChecker checker = new DirectSpellChecker();

    /**
     * A holder, so that the analyzer (which reads the synonym and spelling-variant files) is built by the first
     * search that needs it rather than while the server starts.
     */
    private static final class TextAnalyzer {
        static final Analyzer INSTANCE = Schema.analyzer();
    }

    /** The word as the text field indexes it (lower-cased, stemmed). */
    private String indexedForm(String word) throws IOException {
        try (TokenStream ts = TextAnalyzer.INSTANCE.tokenStream(Schema.TEXT, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String first = ts.incrementToken() ? term.toString() : "";
            ts.end();
            return first;
        }
    }

    /** A respelt query, or null when every word is known or nothing better is found. */
    String suggest(IndexReader reader, String q) throws IOException {
        if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
            return null;
        }
        Matcher m = WORD.matcher(q);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String word = m.group(1);
            String replacement = word;
            if (!OPERATORS.contains(word)) {
                String term = indexedForm(word);
                Term t = new Term(Schema.TEXT, term);
                if (!term.isEmpty() && reader.docFreq(t) == 0) {
                    SuggestWord[] s = checker.suggestSimilar(t, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (s.length > 0) {
                        replacement = s[0].string;
                        changed = true;
                    }
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return changed ? out.toString() : null;
    }
}
