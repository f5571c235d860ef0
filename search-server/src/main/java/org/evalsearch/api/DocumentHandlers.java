package org.evalsearch.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.evalsearch.search.Documents;
import org.evalsearch.search.IndexView;
import org.evalsearch.search.PdfFiles;
import org.evalsearch.search.SearchService;

/** {@code /api/documents}, {@code /api/documents/{id}} and the report's PDF. */
final class DocumentHandlers {
    private final SearchService service;
    private final Documents documents;
    private final PdfFiles pdfs;

    DocumentHandlers(SearchService service, Path corpus) {
        this.service = service;
        this.documents = new Documents(service);
        this.pdfs = new PdfFiles(corpus);
    }

    void list(Context ctx) throws IOException {
        Params.of(ctx, false);
        ctx.json(Map.of("documents", documents.list()));
    }

    void document(Context ctx) throws IOException {
        Params.of(ctx, false);
        String id = ctx.pathParam("id");
        Documents.Detail d = documents.detail(id);
        if (d == null) {
            throw new NotFound("no indexed document '" + id + "'");
        }
        ctx.json(d);
    }

    void pdf(Context ctx) throws IOException {
        Params.of(ctx, false);
        String id = ctx.pathParam("id");
        Optional<Path> file;
        try (IndexView view = service.view()) {
            file = pdfs.resolve(id, view.reports().keySet());
        }
        if (file.isEmpty()) {
            throw new NotFound("no indexed PDF '" + id + "' in the corpus folder");
        }
        ctx.header("Content-Disposition", "inline; filename=\"" + id.replaceAll("[^\\w.-]", "_") + "\"");
        ctx.writeSeekableStream(Files.newInputStream(file.get()), "application/pdf", Files.size(file.get()));
    }
}
