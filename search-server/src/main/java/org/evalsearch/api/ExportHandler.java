package org.evalsearch.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.query.SearchFilters;
import org.evalsearch.search.IndexView;
import org.evalsearch.search.Links;
import org.evalsearch.search.SearchService;

/**
 * {@code /api/export}: every passage matching a search, streamed as CSV or a JSON array, with a citation; the CSV
 * also gives a recommendation the text of the management response it received.
 */
final class ExportHandler {
    static final List<String> COLUMNS = List.of("id", "doc", "title", "year", "page", "page_label", "section", "type",
            "number", "themes", "criteria", "countries", "regions", "stance", "priority", "responds_to", "text",
            "management_response", "citation", "pdf_url");

    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();
    /** doc, title, year, page, page_label. */
    private static final int CITATION_FIELDS = 5;

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
                    service.forEachMatch(view, q, filters, fold,
                            r -> csv.printRecord(row(r, responseText(view, r))));
                }
            } else {
                ctx.contentType("application/json; charset=utf-8");
                try (OutputStream out = new BufferedOutputStream(ctx.outputStream(), 64 * 1024)) {
                    JsonRows rows = new JsonRows(out);
                    out.write('[');
                    service.forEachStoredMatch(view, q, filters, fold, rows::write);
                    out.write(']');
                }
            }
        }
    }

    /**
     * The rows of one JSON export: each passage's record as stored (the API's shape of a passage), then how to cite
     * it and its PDF page. Only the fields these need are read from the record, and the record's bytes are copied
     * as they are: reading it whole and writing it back cost more than finding and decompressing it. An export
     * lists a report's passages in reading order, so a row's citation and link are most often those of the row
     * before (the same page): they are built again only when they change.
     */
    final class JsonRows {
        private final OutputStream out;
        private long rows;
        private String doc;
        private String title;
        private String pageLabel;
        private int year;
        private int page;
        /** The end of the last row: its citation and link and the closing brace, as UTF-8. */
        private byte[] tail;

        JsonRows(OutputStream out) {
            this.out = out;
        }

        void write(String stored) throws IOException {
            byte[] record = stored.getBytes(StandardCharsets.UTF_8);
            String doc = null;
            String title = null;
            String pageLabel = null;
            int year = 0;
            int page = 0;
            try (JsonParser p = mapper.getFactory().createParser(record)) {
                if (p.nextToken() != JsonToken.START_OBJECT || record[record.length - 1] != '}') {
                    throw new IOException("stored passage record is not a JSON object");
                }
                // these fields come before the text: the rest of the record need not be read
                int wanted = CITATION_FIELDS;
                while (wanted > 0 && p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "doc" -> doc = p.getValueAsString();
                        case "title" -> title = p.getValueAsString();
                        case "page_label" -> pageLabel = p.getValueAsString();
                        case "year" -> year = p.getValueAsInt();
                        case "page" -> page = p.getValueAsInt();
                        default -> {
                            p.skipChildren();
                            continue;
                        }
                    }
                    wanted--;
                }
            }
            if (tail == null || page != this.page || year != this.year || !Objects.equals(doc, this.doc)
                    || !Objects.equals(title, this.title) || !Objects.equals(pageLabel, this.pageLabel)) {
                this.doc = doc;
                this.title = title;
                this.pageLabel = pageLabel;
                this.year = year;
                this.page = page;
                tail = tail(doc, title, year, page, pageLabel);
            }
            if (rows++ > 0) {
                out.write(',');
            }
            out.write(record, 0, record.length - 1);
            out.write(tail);
        }
    }

    private static byte[] tail(String doc, String title, int year, int page, String pageLabel) {
        StringBuilder tail = new StringBuilder(256).append(",\"citation\":\"");
        QUOTE.quoteAsString(citation(title, year, page, pageLabel), tail);
        tail.append("\",\"pdf_url\":\"");
        QUOTE.quoteAsString(Links.pdf(doc, page), tail);
        return tail.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> row(PassageRecord r, String managementResponse) {
        return List.of(r.id(), r.doc(), nz(r.title()), r.year(), r.page(), nz(r.pageLabel()), nz(r.section()),
                nz(r.type()), nz(r.number()), join(r.themes()), join(r.criteria()), join(r.countries()),
                join(r.regions()), nz(r.stance()), nz(r.priority()), nz(r.respondsTo()), nz(r.text()),
                managementResponse, citation(r), Links.pdf(r));
    }

    /**
     * The text of the management response a recommendation received, its passages in order. A spreadsheet cannot
     * follow the passage ids in {@code responses} as a JSON reader can with {@code /api/passages}.
     */
    private String responseText(IndexView view, PassageRecord r) throws IOException {
        return service.responsesOf(view, r).stream().map(PassageRecord::text).collect(Collectors.joining("\n\n"));
    }

    /** "Title (year), p. N", N being the page number printed on the page when the PDF has one. */
    static String citation(PassageRecord r) {
        return citation(r.title(), r.year(), r.page(), r.pageLabel());
    }

    private static String citation(String title, int year, int page, String pageLabel) {
        String printed = pageLabel != null && !pageLabel.isBlank() ? pageLabel : Integer.toString(page);
        return nz(title) + (year > 0 ? " (" + year + ")" : "") + ", p. " + printed;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join("; ", values);
    }
}
