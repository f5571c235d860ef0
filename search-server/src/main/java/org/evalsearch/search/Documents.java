package org.evalsearch.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;

/** The reports an index holds: their metadata (from the commit), passage counts and section outlines. */
public final class Documents {

    /** A report's metadata with its passage count and PDF link. */
    public record Summary(@JsonUnwrapped ReportMeta meta, long passages, String pdfUrl) {}

    /** A heading of the report's outline: the section path, the page it starts on and its passage count. */
    public record Section(String section, int page, String pageLabel, int passages) {}

    public record Detail(@JsonUnwrapped ReportMeta meta, long passages, String pdfUrl, Map<String, Long> types,
                         List<Section> outline) {}

    private final SearchService service;

    public Documents(SearchService service) {
        this.service = service;
    }

    public List<Summary> list() throws IOException {
        try (IndexView view = service.view()) {
            Map<String, Long> perDoc = new TreeMap<>();
            if (view.facetState() != null) {
                var fc = FacetsCollectorManager.search(view.searcher(), new MatchAllDocsQuery(), 0,
                        new FacetsCollectorManager());
                var counts = new SortedSetDocValuesFacetCounts(view.facetState(), fc.facetsCollector());
                FacetCounts.values(counts, Schema.DOC, view).forEach(v -> perDoc.put(v.value(), v.count()));
            }
            List<Summary> out = new ArrayList<>();
            for (ReportMeta m : view.reports().values()) {
                out.add(new Summary(m, perDoc.getOrDefault(m.doc(), 0L), Links.pdf(m.doc(), 0)));
            }
            return out;
        }
    }

    /** The report's detail, or null when the index does not hold it. */
    public Detail detail(String doc) throws IOException {
        try (IndexView view = service.view()) {
            ReportMeta meta = view.reports().get(doc);
            if (meta == null) {
                return null;
            }
            List<PassageRecord> passages = service.passagesOf(view, doc);
            Map<String, Long> types = new TreeMap<>();
            Map<String, Section> outline = new LinkedHashMap<>();
            for (PassageRecord p : passages) {
                types.merge(p.type() == null ? "other" : p.type(), 1L, Long::sum);
                String section = p.section() == null ? "" : p.section();
                outline.merge(section, new Section(section, p.page(), p.pageLabel(), 1),
                        (a, b) -> new Section(a.section(), a.page(), a.pageLabel(), a.passages() + 1));
            }
            return new Detail(meta, passages.size(), Links.pdf(doc, 0), types, List.copyOf(outline.values()));
        }
    }
}
