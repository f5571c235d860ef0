package org.evalsearch.server;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.evalsearch.admin.AdminRoutes;
import org.evalsearch.admin.AdminToken;
import org.evalsearch.admin.CorpusFiles;
import org.evalsearch.admin.Reindexer;
import org.evalsearch.api.CorsPolicy;
import org.evalsearch.search.IndexAccess;
import picocli.CommandLine.Option;

/** Server options for what may change state (admin endpoints, off by default) and who may read cross-origin. */
final class SecurityOptions {

    @Option(names = "--admin", defaultValue = "${env:EVALSEARCH_ADMIN:-false}",
            description = "Enable the admin endpoints (re-index, upload, delete) under /api/admin; they need a token "
                    + "(env EVALSEARCH_ADMIN; default: ${DEFAULT-VALUE}).")
    boolean admin;

    @Option(names = "--admin-token-file", paramLabel = "FILE", defaultValue = "${env:EVALSEARCH_ADMIN_TOKEN_FILE}",
            description = "File holding the admin token, used when the env variable EVALSEARCH_ADMIN_TOKEN is not "
                    + "set (env EVALSEARCH_ADMIN_TOKEN_FILE). At least 16 characters.")
    Path adminTokenFile;

    @Option(names = "--max-upload-mb", defaultValue = "${env:EVALSEARCH_MAX_UPLOAD_MB:-50}",
            description = "Largest PDF the upload endpoint accepts (env EVALSEARCH_MAX_UPLOAD_MB; default: ${DEFAULT-VALUE}).")
    long maxUploadMb;

    @Option(names = "--cors-origin", split = ",", paramLabel = "ORIGIN",
            defaultValue = "${env:EVALSEARCH_CORS_ORIGINS}",
            description = "Origins (e.g. https://intranet.example.org) allowed to read the API from their pages; "
                    + "comma-separated (env EVALSEARCH_CORS_ORIGINS; default: none, same origin only).")
    List<String> corsOrigins;

    /**
     * The CORS policy and, when enabled, the admin endpoints, ready to add to the app; refuses to start the admin
     * endpoints without a usable token.
     */
    Consumer<JavalinConfig> extensions(IndexAccess access, Path corpus, Path index, int threads) throws IOException {
        if (maxUploadMb < 1) {
            throw new IllegalArgumentException("--max-upload-mb must be at least 1");
        }
        CorsPolicy cors = corsOrigins == null ? CorsPolicy.sameOriginOnly() : new CorsPolicy(Set.copyOf(corsOrigins));
        if (!admin) {
            return cors::register;
        }
        AdminToken token = AdminToken.from(System.getenv("EVALSEARCH_ADMIN_TOKEN"), adminTokenFile);
        Reindexer reindexer = new Reindexer(corpus, index, threads, access::refresh);
        AdminRoutes routes = new AdminRoutes(token, new CorpusFiles(corpus, maxUploadMb << 20), reindexer);
        return config -> {
            cors.register(config);
            routes.register(config);
        };
    }
}
