package org.evalsearch.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a search. {@code facets} holds every facet under its filter name, each counted as if its own
 * filter were not set; {@code next_cursor} is null on the last page; {@code did_you_mean} is a respelt query
 * offered when few passages match; {@code timed_out} says the time budget cut the search short; {@code understood}
 * holds the facet values the query's intent words imply ("recommendations on statistics": type=recommendation),
 * preferred in the ranking and shown to the user, who can turn them off with {@code intent=off}.
 * {@code facet_values} says how many values each facet has among the matches, of which {@code facets} lists at
 * most the request's {@code facet_size} (and every value filtered on).
 */
public record SearchResult(long total, long tookMs, List<Hit> hits, Map<String, List<FacetValue>> facets,
                           Map<String, Integer> facetValues, String nextCursor, String didYouMean, boolean timedOut,
                           Map<String, String> understood) {
    /** The same answer, given again after {@code ms}. */
    public SearchResult withTookMs(long ms) {
        return new SearchResult(total, ms, hits, facets, facetValues, nextCursor, didYouMean, timedOut, understood);
    }
}
