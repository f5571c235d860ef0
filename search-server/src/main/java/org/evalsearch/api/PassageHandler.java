package org.evalsearch.api;

import io.javalin.http.Context;
import java.io.IOException;
import org.evalsearch.search.PassageDetail;
import org.evalsearch.search.PassageLookup;
import org.evalsearch.search.SearchService;

/** {@code /api/passages/{id}}: one passage with neighbours, linked responses and similar passages. */
final class PassageHandler {
    private final PassageLookup lookup;

    PassageHandler(SearchService service) {
        this.lookup = new PassageLookup(service);
    }

    void passage(Context ctx) throws IOException {
        Params.of(ctx, false);
        String id = ctx.pathParam("id");
        PassageDetail d = lookup.detail(id);
        if (d == null) {
            throw new NotFound("no passage with id '" + id + "'");
        }
        ctx.json(d);
    }
}
