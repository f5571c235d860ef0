package org.evalsearch.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.evalsearch.index.Analyzers;

/**
 * Finds the themes a text is about by matching each theme's phrases with the search analysis (a Lucene
 * {@link MemoryIndex} per text, each phrase a phrase query), so "recruitment fee" matches "recruitment fees".
 * Phrases written in capitals are acronyms and match case-sensitively ("MIGRANT" the unit, not "migrant").
 * Thread-safe: the queries are immutable and each call builds its own index.
 */
public final class ThemeMatcher {
    private static final String FIELD = "text";

    /** A phrase in capitals ("MIGRANT", "IOM") is an acronym: it must match in capitals, as a whole word. */
    private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}\\d&/-]{2,}");

    /** One phrase of a theme: a query or, for an acronym, a case-sensitive pattern; and its weight. */
    private record Phrase(Query query, Pattern acronym, int weight) {}

    private record ThemeQueries(String id, List<Phrase> phrases) {}

    /** Weight a theme needs: one specific phrase (2) or two different related phrases (1 each). */
    static final int NEEDED = 2;
    /** Characters per extra unit of weight a longer text needs. */
    static final int LONG_TEXT = 1500;

    private final Analyzer analyzer = Analyzers.english();
    private final List<ThemeQueries> themes = new ArrayList<>();

    public ThemeMatcher(Taxonomy taxonomy) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        for (Taxonomy.Theme t : taxonomy.themes()) {
            List<Phrase> phrases = new ArrayList<>();
            t.phrases().forEach(x -> add(builder, x, NEEDED, phrases));
            t.related().forEach(x -> add(builder, x, 1, phrases));
            themes.add(new ThemeQueries(t.id(), List.copyOf(phrases)));
        }
    }

    private static void add(QueryBuilder builder, String phrase, int weight, List<Phrase> into) {
        if (ACRONYM.matcher(phrase).matches()) {
            into.add(new Phrase(null, Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(phrase) + "(?![\\p{L}\\d])"), weight));
            return;
        }
        Query q = builder.createPhraseQuery(FIELD, phrase);
        if (q != null) {
            into.add(new Phrase(q, null, weight));
        }
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
        MemoryIndex index = new MemoryIndex();
        index.addField(FIELD, text, analyzer);
        index.freeze();
        List<ThemeScore> out = new ArrayList<>();
        for (ThemeQueries t : themes) {
            int weight = 0;
            for (Phrase ph : t.phrases()) {
                boolean hit = ph.query() != null ? index.search(ph.query()) > 0f : ph.acronym().matcher(text).find();
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

    public record ThemeScore(String theme, int weight) {}
}
