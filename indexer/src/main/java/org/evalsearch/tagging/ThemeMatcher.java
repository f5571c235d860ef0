package org.evalsearch.tagging;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.evalsearch.index.Analyzers;

/**
 * Finds the themes a text is about by matching each theme's phrases with the search analysis (a Lucene
 * {@link MemoryIndex} per text, each phrase a phrase query), so "recruitment fee" matches "recruitment fees".
 * Thread-safe: the queries are immutable and each call builds its own index.
 */
public final class ThemeMatcher {
    private static final String FIELD = "text";

    private record ThemeQueries(String id, List<Query> phrases) {}

    private final Analyzer analyzer = Analyzers.english();
    private final List<ThemeQueries> themes = new ArrayList<>();

    public ThemeMatcher(Taxonomy taxonomy) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        for (Taxonomy.Theme t : taxonomy.themes()) {
            List<Query> qs = new ArrayList<>();
            for (String phrase : t.phrases()) {
                Query q = builder.createPhraseQuery(FIELD, phrase);
                if (q != null) {
                    qs.add(q);
                }
            }
            themes.add(new ThemeQueries(t.id(), List.copyOf(qs)));
        }
    }

    /** Theme ids whose phrases occur in the text, in taxonomy order, with how many distinct phrases matched. */
    public List<ThemeScore> score(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        MemoryIndex index = new MemoryIndex();
        index.addField(FIELD, text, analyzer);
        index.freeze();
        List<ThemeScore> out = new ArrayList<>();
        for (ThemeQueries t : themes) {
            int matched = 0;
            for (Query q : t.phrases()) {
                if (index.search(q) > 0f) {
                    matched++;
                }
            }
            if (matched > 0) {
                out.add(new ThemeScore(t.id(), matched));
            }
        }
        return out;
    }

    public record ThemeScore(String theme, int phrases) {}
}
