package org.evalsearch.evaluate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;
import org.evalsearch.query.PassageQueryParser;
import org.evalsearch.query.SearchFilters;

/**
 * evalsearch's own ranking, as the server runs it: the shared {@link PassageQueryParser}, the query's filters as
 * drill-down terms, and passages that repeat another passage of the same evaluation folded into the first shown.
 */
public final class EngineRetriever implements Retriever {
    /** Hits fetched per hit wanted, so that folding repeats still fills the page. */
    private static final int OVERFETCH = 3;
    private static final FacetsConfig FACETS = Schema.facetsConfig();

    private final String name;
    private final IndexSearcher searcher;
    private final PassageQueryParser parser;

    public EngineRetriever(String name, IndexSearcher searcher, PassageQueryParser parser) {
        this.name = name;
        this.searcher = searcher;
        this.parser = parser;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PassageRecord> search(JudgedQuery q, int k) throws IOException {
        Query query = SearchFilters.of(q.filters()).apply(parser.parse(q.query()), FACETS);
        Set<String> shown = new HashSet<>();
        List<PassageRecord> hits = new ArrayList<>(k);
        for (ScoreDoc sd : searcher.search(query, k * OVERFETCH).scoreDocs) {
            PassageRecord r = StoredPassages.load(searcher.getIndexReader(), sd.doc);
            if (shown.add(r.repeats() != null ? r.repeats() : r.id()) && hits.size() < k) {
                hits.add(r);
            }
        }
        return hits;
    }
}
