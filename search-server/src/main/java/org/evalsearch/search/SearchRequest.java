package org.evalsearch.search;

import org.evalsearch.query.SearchFilters;

/**
 * One search as the API receives it.
 *
 * @param q          what the user typed (blank: browse by filters)
 * @param size       hits per page (1..{@link #MAX_SIZE})
 * @param cursor     where the previous page ended, or null
 * @param groupByDoc show only the best passages of each report
 * @param fold       fold passages that repeat another into it ({@code also_in})
 * @param intent     read intent words ("recommendations on …") as a preferred type or criterion; false takes
 *                   every word as topic (the user removed the implied preference)
 * @param facetSize  values listed per facet, the most frequent first (the year timeline is listed whole)
 */
public record SearchRequest(String q, SearchFilters filters, int size, SortOrder sort, String cursor,
                            boolean groupByDoc, boolean fold, boolean intent, int facetSize) {
    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /** Enough for a filter panel; an archive of hundreds of reports would otherwise send every title each time. */
    public static final int DEFAULT_FACET_SIZE = 50;
    public static final int MAX_FACET_SIZE = 5000;

    public static SearchRequest of(String q, SearchFilters filters) {
        return new SearchRequest(q, filters, DEFAULT_SIZE, SortOrder.RELEVANCE, null, false, true, true,
                DEFAULT_FACET_SIZE);
    }
}
