package org.evalsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.evalsearch.index.Schema;

/**
 * HTML snippets of passage text: the best sentences with the matched words in {@code <mark>}, everything else
 * HTML-escaped (the text comes from PDFs and must never reach a page as markup). Uses the offsets stored in
 * the postings, so no re-analysis of the text.
 */
public final class Snippets {
    private static final int MAX_SENTENCES = 2;
    private static final int PLAIN_PREFIX = 300;
    private static final Analyzer ANALYZER = Schema.analyzer();

    private Snippets() {}

    /** One snippet per doc id, in the given order; passages without a match start with their first words. */
    public static String[] of(IndexView view, Query userQuery, int[] docIds, List<String> texts)
            throws IOException {
        String[] out = new String[docIds.length];
        if (docIds.length > 0 && !(userQuery instanceof MatchAllDocsQuery)) {
            UnifiedHighlighter highlighter = new KnownTexts(UnifiedHighlighter.builder(view.searcher(), ANALYZER)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxNoHighlightPassages(0), view.fieldInfos(), docIds, texts);
            String[] highlighted = highlighter.highlightFields(
                    new String[] {Schema.TEXT}, userQuery, docIds, new int[] {MAX_SENTENCES}).get(Schema.TEXT);
            System.arraycopy(highlighted, 0, out, 0, docIds.length);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null || out[i].isBlank()) {
                out[i] = escape(prefix(texts.get(i)));
            }
        }
        return out;
    }

    /**
     * A highlighter that takes the passage texts the caller already read (the stored text field holds the same
     * string) and the reader's merged field infos: reading the text again and merging the field infos of every
     * segment were a third of the cost of the snippets.
     */
    private static final class KnownTexts extends UnifiedHighlighter {
        private final Map<Integer, String> textByDoc = new HashMap<>();

        KnownTexts(UnifiedHighlighter.Builder builder, FieldInfos readerFieldInfos, int[] docIds, List<String> texts) {
            super(builder);
            for (int i = 0; i < docIds.length; i++) {
                textByDoc.put(docIds[i], texts.get(i));
            }
            fieldInfos = readerFieldInfos;
        }

        /** As the stored fields visitor loads them: the text field's value, cut at the maximum length. */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                                                       int cacheCharsThreshold) throws IOException {
            if (fields.length != 1 || !fields[0].equals(Schema.TEXT)) {
                return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
            }
            List<CharSequence[]> out = new ArrayList<>();
            int chars = 0;
            do {
                int doc = docIter.nextDoc();
                if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                String text = textByDoc.get(doc);
                if (text == null) {
                    text = searcher.storedFields().document(doc, Set.of(Schema.TEXT)).get(Schema.TEXT);
                }
                String value = text.substring(0, Math.min(getMaxLength(), text.length()));
                out.add(new CharSequence[] {value});
                chars += value.length();
            } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
            return out;
        }
    }

    static String prefix(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= PLAIN_PREFIX) {
            return text;
        }
        int cut = text.lastIndexOf(' ', PLAIN_PREFIX);
        return text.substring(0, cut > PLAIN_PREFIX / 2 ? cut : PLAIN_PREFIX) + " …";
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#x27;");
                case '/' -> b.append("&#x2F;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
