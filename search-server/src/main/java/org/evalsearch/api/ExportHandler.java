package org.evalsearch.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.query.SearchFilters;
import org.evalsearch.search.IndexView;
import org.evalsearch.search.Links;
import org.evalsearch.search.SearchService;

/** {@code /api/export}: every passage matching a search, streamed as CSV or a JSON array, with a citation. */
final class ExportHandler {
    static final List<String> COLUMNS = List.of("id", "doc", "title", "year", "page", "page_label", "section", "type",
            "number", "themes", "criteria", "countries", "regions", "stance", "priority", "responds_to", "text",
            "citation", "pdf_url");

    private final SearchService service;
    private final ObjectMapper mapper;

    ExportHandler(SearchService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    void export(Context ctx) throws IOException {
        Params p = Params.of(ctx, true, "q", "format", "fold");
        String format = p.oneOf("format", "csv", "csv", "json");
        String q = p.string("q", "");
        SearchFilters filters = p.filters();
        boolean fold = p.bool("fold", true);
        service.parse(q);
        try (IndexView view = service.exportView()) {
            service.checkFilters(view, filters);
            ctx.header("Content-Disposition", "attachment; filename=\"evalsearch-export." + format + "\"");
            if (format.equals("csv")) {
                ctx.contentType("text/csv; charset=utf-8");
                Writer w = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
                try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                        .setHeader(COLUMNS.toArray(String[]::new)).get())) {
                    service.forEachMatch(view, q, filters, fold, r -> csv.printRecord(row(r)));
                }
            } else {
                ctx.contentType("application/json; charset=utf-8");
                try (JsonGenerator json = mapper.getFactory().createGenerator(ctx.outputStream())) {
                    json.writeStartArray();
                    service.forEachMatch(view, q, filters, fold,
                            r -> json.writeObject(new JsonRow(r, citation(r), Links.pdf(r))));
                    json.writeEndArray();
                }
            }
        }
    }

    /** A passage as the JSON export lists it: its record, then how to cite it and its PDF page. */
    private record JsonRow(@JsonUnwrapped PassageRecord passage, String citation, String pdfUrl) {}

    private static List<Object> row(PassageRecord r) {
        return List.of(r.id(), r.doc(), nz(r.title()), r.year(), r.page(), nz(r.pageLabel()), nz(r.section()),
                nz(r.type()), nz(r.number()), join(r.themes()), join(r.criteria()), join(r.countries()),
                join(r.regions()), nz(r.stance()), nz(r.priority()), nz(r.respondsTo()), nz(r.text()),
                citation(r), Links.pdf(r));
    }

    /** "Title (year), p. N", N being the page number printed on the page when the PDF has one. */
    static String citation(PassageRecord r) {
        String page = r.pageLabel() != null && !r.pageLabel().isBlank() ? r.pageLabel() : Integer.toString(r.page());
        return nz(r.title()) + (r.year() > 0 ? " (" + r.year() + ")" : "") + ", p. " + page;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join("; ", values);
    }
}
