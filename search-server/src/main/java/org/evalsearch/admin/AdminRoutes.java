package org.evalsearch.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoints that change state, registered only when the server is started with {@code --admin}:
 * <ul>
 *   <li>{@code POST /api/admin/reindex} starts (or queues) an index run on the corpus folder; 202</li>
 *   <li>{@code GET /api/admin/reindex} says whether a run is going on and how the last one ended</li>
 *   <li>{@code POST /api/admin/documents?name=report.pdf} with the PDF as the request body adds it to the corpus
 *       folder (201, 409 when the name exists, 413 over the size limit, 415 when it is not a PDF) and re-indexes</li>
 *   <li>{@code DELETE /api/admin/documents/{name}} removes a PDF from the corpus folder and re-indexes; 202</li>
 * </ul>
 * Every one needs {@code Authorization: Bearer <token>}; a header rather than a parameter, so the token does not
 * end up in logs or browser history, and a browser on another site cannot send it without a CORS preflight that
 * this server does not grant.
 */
public final class AdminRoutes {
    private final AdminToken token;
    private final CorpusFiles corpus;
    private final Reindexer reindexer;

    public AdminRoutes(AdminToken token, CorpusFiles corpus, Reindexer reindexer) {
        this.token = token;
        this.corpus = corpus;
        this.reindexer = reindexer;
    }

    public void register(JavalinConfig config) {
        config.routes.before("/api/admin/*", this::authorize);
        config.routes.get("/api/admin/reindex", ctx -> ctx.json(reindexer.status()));
        config.routes.post("/api/admin/reindex", ctx -> accepted(ctx, Map.of("reindex", reindexer.request())));
        config.routes.post("/api/admin/documents", this::upload);
        config.routes.delete("/api/admin/documents/{name}", this::delete);
        config.routes.exception(AdminRefusal.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error",
                e.getMessage())));
    }

    private void authorize(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"evalsearch admin\"");
            throw new AdminRefusal(401, "admin endpoints need the header 'Authorization: Bearer <token>'");
        }
        if (!token.matches(header.substring(7).strip())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"evalsearch admin\", error=\"invalid_token\"");
            throw new AdminRefusal(401, "wrong admin token");
        }
    }

    private void upload(Context ctx) throws IOException {
        String name = ctx.queryParam("name");
        String length = ctx.header("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new AdminRefusal(400, "Content-Length is not a number");
            }
        }
        corpus.add(name, ctx::bodyInputStream, declared);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("added", name);
        body.put("reindex", reindexer.request());
        ctx.status(201).json(body);
    }

    private void delete(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        if (!corpus.delete(name)) {
            throw new AdminRefusal(404, "no PDF named '" + name + "' in the corpus folder");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deleted", name);
        body.put("reindex", reindexer.request());
        accepted(ctx, body);
    }

    private static void accepted(Context ctx, Map<String, ?> body) {
        ctx.status(202).json(body);
    }
}
