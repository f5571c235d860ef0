package org.evalsearch.evaluate;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;
import org.evalsearch.query.DenseFusion;
import org.evalsearch.query.NumberedItems;
import org.evalsearch.query.PassageQueryParser;
import org.evalsearch.query.PseudoRelevanceFeedback;
import org.evalsearch.query.SearchFilters;

/**
 * evalsearch's own ranking, as the server runs it: the shared {@link PassageQueryParser},
 * {@link PseudoRelevanceFeedback} and {@link SearchFilters}, {@link DenseFusion} when the index has vectors, and passages that repeat an earlier passage of the same evaluation left out (the server
 * folds them into that passage's {@code also_in}).
 */
public final class EngineRetriever implements Retriever {
    private static final FacetsConfig FACETS = Schema.facetsConfig();

    private final String name;
    private final IndexSearcher searcher;
    private final PassageQueryParser parser;
    private final boolean dense;

    public EngineRetriever(String name, IndexSearcher searcher, PassageQueryParser parser) {
        this(name, searcher, parser, true);
    }

    /** @param dense fuse dense retrieval in when the index has passage vectors, as the server does */
    public EngineRetriever(String name, IndexSearcher searcher, PassageQueryParser parser, boolean dense) {
        this.name = name;
        this.searcher = searcher;
        this.parser = parser;
        this.dense = dense;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PassageRecord> search(JudgedQuery q, int k) throws IOException {
        q.filters().keySet().stream().filter(f -> !SearchFilters.NAMES.contains(f)).findFirst().ifPresent(f -> {
            throw new IllegalArgumentException("unknown filter '" + f + "' in " + q.id() + " (known: " + SearchFilters.NAMES + ")");
        });
        SearchFilters filters = SearchFilters.of(q.filters());
        UnaryOperator<Query> restrict = query -> filters.apply(unrepeated(query), FACETS);
        Query words = PseudoRelevanceFeedback.expand(searcher, parser.parse(q.query()), restrict);
        int window = k * NumberedItems.WINDOW_FACTOR;
        Query query = restrict.apply(dense ? DenseFusion.fuse(searcher, words, restrict, q.query(), window) : words);
        List<ScoreDoc> ranked = List.of(searcher.search(query, window).scoreDocs);
        return NumberedItems.collapse(searcher, ranked, k).items().stream().map(NumberedItems.Ranked::shown).toList();
    }

    private static Query unrepeated(Query query) {
        return new BooleanQuery.Builder()
                .add(query, query instanceof MatchAllDocsQuery ? BooleanClause.Occur.FILTER : BooleanClause.Occur.MUST)
                .add(new FieldExistsQuery(Schema.REPEATS), BooleanClause.Occur.MUST_NOT)
                .build();
    }
}
