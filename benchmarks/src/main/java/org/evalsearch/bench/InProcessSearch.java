package org.evalsearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.util.BytesRef;
import org.evalsearch.index.Schema;
import org.evalsearch.query.SearchFilters;
import org.evalsearch.search.IndexAccess;
import org.evalsearch.search.IndexView;
import org.evalsearch.search.SearchRequest;
import org.evalsearch.search.SearchResult;
import org.evalsearch.search.SortOrder;
import org.evalsearch.search.SearchService;

/**
 * Runs the query mix in-process on the server's own {@link SearchService} over the Lucene index — the same
 * searches, facets, snippets, grouping, cursors and export reads as the API, without HTTP and JSON — so that
 * HTTP / in-process is the cost of the web layer alone.
 */
final class InProcessSearch implements AutoCloseable {
    /** The server's default time budget of one search. */
    private static final long TIMEOUT_MS = 2000;

    private final IndexAccess access;
    private final SearchService service;
    private final long timeoutMillis;
    private final Map<QueryMix.Query, String> cursors = new LinkedHashMap<>();
    /** Filter values replaced because the index lacks them: "dim=wanted -> used". */
    final List<String> substitutions = new ArrayList<>();

    InProcessSearch(Path index) throws IOException {
        this(index, TIMEOUT_MS);
    }

    InProcessSearch(Path index, long timeoutMillis) throws IOException {
        this.access = IndexAccess.open(index, 3_600_000);
        this.timeoutMillis = timeoutMillis;
        // no answer cache: the mix repeats its requests, and in-process measures the cost of computing an answer
        this.service = new SearchService(access, timeoutMillis, 0);
    }

    /** The mix with every filter value present in this index, and the deep cursors computed. */
    List<QueryMix.Query> resolve(List<QueryMix.Query> mix) throws IOException {
        List<QueryMix.Query> out = new ArrayList<>();
        // the export's longer time budget: on a busy machine the set-up counts must not be cut short
        try (IndexView view = service.exportView()) {
            for (QueryMix.Query q : mix) {
                Map<String, List<String>> filters = new LinkedHashMap<>();
                for (var e : q.filters().entrySet()) {
                    List<String> kept = new ArrayList<>();
                    for (String v : e.getValue()) {
                        String used = e.getKey().equals(Schema.YEAR) ? v : existingValue(view, e.getKey(), v);
                        if (!used.equals(v)) {
                            substitutions.add(e.getKey() + "=" + v + " -> " + used);
                        }
                        kept.add(used);
                    }
                    filters.put(e.getKey(), kept);
                }
                QueryMix.Query r = q.kind() == QueryMix.Kind.EXPORT_1000
                        ? q.withFilters(Map.of(Schema.DOC, exportDocs(view))) : q.withFilters(filters);
                if (r.kind() == QueryMix.Kind.DEEP_CURSOR) {
                    cursors.put(r, deepCursor(r));
                }
                out.add(r);
            }
        }
        return out;
    }

    /** Runs one query of the mix; returns a figure of its answer (so the JIT cannot drop the work). */
    long run(QueryMix.Query q) throws IOException {
        SearchFilters filters = SearchFilters.of(q.filters());
        if (q.kind() == QueryMix.Kind.EXPORT_1000) {
            long[] chars = {0};
            try (IndexView view = service.exportView()) {
                service.forEachStoredMatch(view, q.q(), filters, true, json -> chars[0] += json.length());
            }
            return chars[0];
        }
        SearchResult r = service.search(request(q, cursors.get(q)));
        return r.total() + r.hits().size();
    }

    SearchService service() {
        return service;
    }

    /** The timed service, or with {@code cacheMegabytes} above 0 another on the same index that keeps answers. */
    SearchService service(int cacheMegabytes) {
        return cacheMegabytes <= 0 ? service : new SearchService(access, timeoutMillis, cacheMegabytes);
    }

    /** The request of a (resolved) query of the mix, with its deep cursor. */
    SearchRequest request(QueryMix.Query q) {
        return request(q, cursors.get(q));
    }

    private SearchRequest request(QueryMix.Query q, String cursor) {
        return new SearchRequest(q.q(), SearchFilters.of(q.filters()), QueryMix.PAGE_SIZE, SortOrder.RELEVANCE,
                cursor, q.kind() == QueryMix.Kind.GROUP_BY_REPORT, true, true, SearchRequest.DEFAULT_FACET_SIZE);
    }

    private String deepCursor(QueryMix.Query q) throws IOException {
        String cursor = null;
        for (int page = 0; page < QueryMix.CURSOR_PAGES; page++) {
            String next = service.search(request(q, cursor)).nextCursor();
            if (next == null) {
                break;
            }
            cursor = next;
        }
        return cursor;
    }

    /**
     * The bundled reports (copy 0, present at every scale) whose passages add up closest to
     * {@link QueryMix#EXPORT_ROWS}, so that the export returns about that many rows at every scale: the API's
     * export has no row limit.
     */
    private static List<String> exportDocs(IndexView view) throws IOException {
        FacetResult all = counts(view).getAllChildren(Schema.DOC);
        List<String> names = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (var lv : all.labelValues) {
            if (!ScaledCorpus.isCopy(lv.label) && names.size() < 16) {
                names.add(lv.label);
                counts.add(lv.value.intValue());
            }
        }
        int best = 0;
        long bestGap = Long.MAX_VALUE;
        for (int subset = 1; subset < (1 << names.size()); subset++) {
            long sum = 0;
            for (int i = 0; i < names.size(); i++) {
                if ((subset & (1 << i)) != 0) {
                    sum += counts.get(i);
                }
            }
            long gap = Math.abs(sum - QueryMix.EXPORT_ROWS);
            if (gap < bestGap) {
                bestGap = gap;
                best = subset;
            }
        }
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if ((best & (1 << i)) != 0) {
                chosen.add(names.get(i));
            }
        }
        return chosen;
    }

    /** {@code wanted} if the index has it for {@code dim}, else the dimension's most frequent value. */
    private static String existingValue(IndexView view, String dim, String wanted) throws IOException {
        SortedSetDocValues dv = view.facetState().getDocValues();
        if (dv.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, new String[] {wanted}))) >= 0) {
            return wanted;
        }
        FacetResult top = counts(view).getTopChildren(1, dim);
        if (top == null || top.labelValues.length == 0) {
            throw new IllegalStateException("the index has no value for facet " + dim);
        }
        return top.labelValues[0].label;
    }

    private static SortedSetDocValuesFacetCounts counts(IndexView view) throws IOException {
        FacetsCollector fc = FacetsCollectorManager.search(view.searcher(), MatchAllDocsQuery.INSTANCE, 0,
                new FacetsCollectorManager()).facetsCollector();
        return new SortedSetDocValuesFacetCounts(view.facetState(), fc);
    }

    @Override
    public void close() throws IOException {
        access.close();
    }
}
