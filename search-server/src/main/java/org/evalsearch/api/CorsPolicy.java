package org.evalsearch.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * Cross-origin reads of the API. By default none: no {@code Access-Control-Allow-*} header is ever sent, so a page
 * on another site cannot read answers (the server's own page is same-origin and needs nothing). Origins named
 * with {@code --cors-origin} may read the read-only API with GET, without credentials; never the admin endpoints.
 */
public final class CorsPolicy {
    private final Set<String> origins;

    public CorsPolicy(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    public static CorsPolicy sameOriginOnly() {
        return new CorsPolicy(Set.of());
    }

    public void register(JavalinConfig config) {
        if (origins.isEmpty()) {
            return;
        }
        config.routes.before("/api/*", this::allowListed);
        config.routes.options("/api/*", ctx -> ctx.status(allowed(ctx) ? 204 : 403));
    }

    private void allowListed(Context ctx) {
        ctx.header("Vary", "Origin");
        if (allowed(ctx)) {
            ctx.header("Access-Control-Allow-Origin", ctx.header("Origin"));
            ctx.header("Access-Control-Allow-Methods", "GET");
            ctx.header("Access-Control-Max-Age", "600");
        }
    }

    private boolean allowed(Context ctx) {
        String origin = ctx.header("Origin");
        return origin != null && origins.contains(origin) && !ctx.path().startsWith("/api/admin/");
    }
}
