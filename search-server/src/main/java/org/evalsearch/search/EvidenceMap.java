package org.evalsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.Query;
import org.evalsearch.index.Schema;
import org.evalsearch.query.InvalidQueryException;
import org.evalsearch.query.SearchFilters;

/**
 * An evidence map: how many passages match for every pair of values of two facets (criterion × theme, theme ×
 * year, …), under the same query and filters as a search. One facet count per row value.
 */
public final class EvidenceMap {

    /** The map's rows and columns (the values present) and its cells, each with the search that lists it. */
    public record Result(String rows, String cols, long total, List<FacetValue> rowValues,
                         List<FacetValue> colValues, List<Cell> cells) {}

    public record Cell(String row, String col, long count, String searchUrl) {}

    private final SearchService service;

    public EvidenceMap(SearchService service) {
        this.service = service;
    }

    public Result map(String q, SearchFilters filters, String rows, String cols, boolean fold) throws IOException {
        for (String dim : List.of(rows, cols)) {
            if (!Schema.FACETS.contains(dim)) {
                throw new InvalidQueryException("rows and cols must be facets (" + String.join(", ", Schema.FACETS)
                        + "), not '" + dim + "'");
            }
        }
        if (rows.equals(cols)) {
            throw new InvalidQueryException("rows and cols must be two different facets");
        }
        Query base = service.baseQuery(service.parse(q), fold);
        try (IndexView view = service.view()) {
            service.checkFilters(view, filters);
            if (view.facetState() == null) {
                return new Result(rows, cols, 0, List.of(), List.of(), List.of());
            }
            var all = FacetsCollectorManager.search(view.searcher(),
                    filters.apply(base, service.facetsConfig()), 0, new FacetsCollectorManager());
            var allCounts = new SortedSetDocValuesFacetCounts(view.facetState(), all.facetsCollector());
            List<FacetValue> rowValues = FacetCounts.values(allCounts, rows, view);
            List<FacetValue> colValues = FacetCounts.values(allCounts, cols, view);
            List<Cell> cells = new ArrayList<>();
            for (FacetValue row : rowValues) {
                SearchFilters cellFilters = filters.with(rows, row.value());
                var fc = FacetsCollectorManager.search(view.searcher(),
                        cellFilters.apply(base, service.facetsConfig()), 0, new FacetsCollectorManager());
                var counts = new SortedSetDocValuesFacetCounts(view.facetState(), fc.facetsCollector());
                for (FacetValue col : FacetCounts.values(counts, cols, view)) {
                    cells.add(new Cell(row.value(), col.value(), col.count(),
                            searchUrl(q, cellFilters.with(cols, col.value()))));
                }
            }
            return new Result(rows, cols, all.topDocs().totalHits.value(), rowValues, colValues, cells);
        }
    }

    static String searchUrl(String q, SearchFilters filters) {
        StringBuilder url = new StringBuilder("/api/search?q=").append(Links.encode(q == null ? "" : q));
        filters.values().forEach((k, vs) -> vs.forEach(v -> url.append('&').append(k).append('=').append(Links.encode(v))));
        return url.toString();
    }
}
