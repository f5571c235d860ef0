package org.evalsearch.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.evalsearch.index.Schema;
import org.evalsearch.search.EvidenceMap;
import org.evalsearch.search.FacetValue;
import org.evalsearch.search.SearchService;

/** {@code /api/map}: counts for every pair of values of two facets, as JSON or as a CSV table. */
final class EvidenceMapHandler {
    private final EvidenceMap map;

    EvidenceMapHandler(SearchService service) {
        this.map = new EvidenceMap(service);
    }

    void map(Context ctx) throws IOException {
        Params p = Params.of(ctx, true, "q", "rows", "cols", "format", "fold");
        String format = p.oneOf("format", "json", "json", "csv");
        EvidenceMap.Result r = map.map(p.string("q", ""), p.filters(),
                p.string("rows", Schema.CRITERION), p.string("cols", Schema.THEME), p.bool("fold", true));
        if (format.equals("json")) {
            ctx.json(r);
            return;
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"evidence-map.csv\"");
        Map<String, Long> cells = new HashMap<>();
        r.cells().forEach(c -> cells.put(c.row() + "\u0000" + c.col(), c.count()));
        Writer w = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>();
            header.add(r.rows() + " \\ " + r.cols());
            r.colValues().forEach(c -> header.add(c.label()));
            csv.printRecord(header);
            for (FacetValue row : r.rowValues()) {
                List<Object> line = new ArrayList<>();
                line.add(row.label());
                r.colValues().forEach(c -> line.add(cells.getOrDefault(row.value() + "\u0000" + c.value(), 0L)));
                csv.printRecord(line);
            }
        }
    }
}
