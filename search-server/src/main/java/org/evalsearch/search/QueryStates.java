package org.evalsearch.search;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.evalsearch.query.ParsedQuery;
import org.evalsearch.query.SearchFilters;

/**
 * What a search works out before it ranks a page, kept for the other pages of the same search: the parsed query,
 * the ranked query (with its feedback words and fused passages) and the facet counts with the total. A later page,
 * another sort order, grouping by report or a longer facet list asks for the same query, filters and folding, and
 * without this ran the feedback pass and the facet pass (about 40% of a computed answer) again for the same
 * result. Kept per index commit like {@link AnswerCache}'s answers, and turned off with it.
 */
final class QueryStates {
    /**
     * What fixes a state on a commit: the words and how they are read, the filters and folding; and, when the
     * index has passage vectors, how many passages fusion takes from each ranking (it follows the page size).
     */
    record Key(String q, boolean intent, SearchFilters filters, boolean fold, int fusionDepth) {}

    /** The facet pass: counts per facet, and how many passages match every filter. */
    record Counted(Map<String, List<FacetValue>> facets, long total) {}

    /** A search's query as understood, the query that ranks its passages, and its facet counts. */
    record State(ParsedQuery understood, Query ranked, Counted counted) {}

    private final CommitCache<Key, State> states;

    /** @param megabytes memory for kept states; 0 keeps none */
    QueryStates(int megabytes) {
        this.states = new CommitCache<>(megabytes, QueryStates::estimateBytes);
    }

    State get(long commit, Key key) {
        return states.get(commit, key);
    }

    void put(long commit, Key key, State state) {
        states.put(commit, key, state);
    }

    /**
     * Roughly the heap a state holds: the facet values (shared labels, a record and a list slot each) and the
     * ranked query (a few dozen clauses, bounded by the parser's clause limit).
     */
    private static int estimateBytes(State s) {
        long bytes = 4096;
        for (List<FacetValue> values : s.counted().facets().values()) {
            bytes += 40L * values.size();
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
