package org.evalsearch.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evalsearch.search.AnswerCache;
import org.evalsearch.search.IndexView;
import org.evalsearch.search.SearchService;

/** {@code /api/health} and the OpenAPI description of the API. */
final class StatusHandlers {
    private final SearchService service;

    StatusHandlers(SearchService service) {
        this.service = service;
    }

    void health(Context ctx) throws IOException {
        Params.of(ctx, false);
        try (IndexView view = service.view()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("status", "ok");
            h.put("index_open", true);
            h.put("documents", view.reports().size());
            h.put("passages", view.reader().numDocs());
            h.put("last_indexed", view.committed() == null ? null : view.committed().toString());
            AnswerCache.Stats cache = service.cacheStats();
            h.put("cached_answers", cache.answers());
            h.put("cache_hits", cache.hits());
            h.put("cache_misses", cache.misses());
            ctx.json(h);
        }
    }

    void openapi(Context ctx) throws IOException {
        Params.of(ctx, false);
        try (InputStream in = StatusHandlers.class.getResourceAsStream("/evalsearch/openapi.json")) {
            if (in == null) {
                throw new NotFound("no OpenAPI description in this build");
            }
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }
}
