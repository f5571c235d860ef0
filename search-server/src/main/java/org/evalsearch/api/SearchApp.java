package org.evalsearch.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.evalsearch.query.InvalidQueryException;
import org.evalsearch.search.SearchService;
import org.evalsearch.web.WebFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP application: every route in one table, the web page from the classpath folder {@code /web} at
 * {@code /}, security headers on every answer and JSON errors. Not started; the caller picks host and port.
 */
public final class SearchApp {
    private static final Logger LOG = LoggerFactory.getLogger(SearchApp.class);

    /** Scripts, styles and frames only from this server; no plugins; no embedding by other sites. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'self'; frame-src 'self'; frame-ancestors 'self'; "
            + "base-uri 'none'; form-action 'self'";

    /** Request line and headers; a request over it is refused by Jetty before any route. */
    static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;

    private SearchApp() {}

    public static ObjectMapper json() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /** The application over a search service, serving PDFs from {@code corpus}. */
    public static Javalin create(SearchService service, Path corpus) {
        return create(service, corpus, config -> {});
    }

    /** The same, with routes and filters added by {@code extensions} (CORS policy, admin endpoints). */
    public static Javalin create(SearchService service, Path corpus, Consumer<JavalinConfig> extensions) {
        ObjectMapper mapper = json();
        SearchHandlers search = new SearchHandlers(service);
        PassageHandler passages = new PassageHandler(service);
        EvidenceMapHandler map = new EvidenceMapHandler(service);
        DocumentHandlers documents = new DocumentHandlers(service, corpus);
        ExportHandler export = new ExportHandler(service, mapper);
        StatusHandlers status = new StatusHandlers(service);
        WebFiles page = new WebFiles("/web");
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            // a pasted page of text as the query must reach the query parser, which refuses it in JSON, instead of
            // Jetty's HTML "URI too long" at its default of 8 KB
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
            config.routes.before(SearchApp::securityHeaders);

            config.routes.get("/api/search", search::search);
            config.routes.get("/api/suggest", search::suggest);
            config.routes.get("/api/passages/{id}", passages::passage);
            config.routes.get("/api/map", map::map);
            config.routes.get("/api/documents", documents::list);
            config.routes.get("/api/documents/{id}", documents::document);
            config.routes.get("/api/documents/{id}/pdf", documents::pdf);
            config.routes.get("/api/export", export::export);
            config.routes.get("/api/health", status::health);
            config.routes.get("/api/openapi.json", status::openapi);
            extensions.accept(config);
            if (page.present()) {
                // after every API route, so that these only answer paths no route of the API took
                config.routes.get("/", page::serve);
                config.routes.get("/<file>", page::serve);
            }

            config.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(InvalidQueryException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(ExitableDirectoryReader.ExitingReaderException.class, (e, ctx) -> error(ctx, 400,
                    "query is too costly: it did not finish within the time budget; use fewer wildcards or filters"));
            config.routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error; the server log has the details");
            });
            config.routes.error(405, ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    error(ctx, 405, ctx.method() + " is not an operation of " + ctx.path() + "; the header Allow "
                            + "lists those that are");
                }
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && !answeredInJson(ctx)) {
                    error(ctx, 404, "no such endpoint: " + ctx.path());
                }
            });
        });
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
    }

    /**
     * Whether a route already answered the 404 with its own JSON error (a passage, report or upload that is not
     * there), which the 404 mapping must leave as it is. {@code ctx.contentType()} is the request's.
     */
    private static boolean answeredInJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? "error" : message));
    }
}
