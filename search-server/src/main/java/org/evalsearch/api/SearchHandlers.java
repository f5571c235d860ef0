package org.evalsearch.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.evalsearch.search.SearchRequest;
import org.evalsearch.search.SearchService;
import org.evalsearch.search.SortOrder;
import org.evalsearch.search.Suggestions;

/** {@code /api/search} and {@code /api/suggest}. */
final class SearchHandlers {
    private final SearchService service;
    private final Suggestions suggestions;

    SearchHandlers(SearchService service) {
        this.service = service;
        this.suggestions = service.suggestions();
    }

    void search(Context ctx) throws IOException {
        Params p = Params.of(ctx, true, "q", "size", "sort", "cursor", "group", "fold", "intent", "facet_size");
        SearchRequest req = new SearchRequest(
                p.string("q", ""),
                p.filters(),
                p.integer("size", SearchRequest.DEFAULT_SIZE, 1, SearchRequest.MAX_SIZE),
                SortOrder.parse(p.string("sort")),
                p.string("cursor"),
                "doc".equals(p.oneOf("group", null, "doc")),
                p.bool("fold", true),
                !"off".equals(p.oneOf("intent", "on", "on", "off")),
                p.integer("facet_size", SearchRequest.DEFAULT_FACET_SIZE, 1, SearchRequest.MAX_FACET_SIZE));
        ctx.json(service.search(req));
    }

    void suggest(Context ctx) throws IOException {
        Params p = Params.of(ctx, false, "q", "size");
        String q = p.string("q", "");
        if (q.length() > Suggestions.MAX_PREFIX) {
            throw new BadRequest("q for suggestions is limited to " + Suggestions.MAX_PREFIX + " characters");
        }
        int size = p.integer("size", 8, 1, 50);
        ctx.json(Map.of("q", q, "suggestions", suggestions.lookup(q, size)));
    }
}
