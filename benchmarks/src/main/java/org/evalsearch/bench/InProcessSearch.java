package org.evalsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.IntField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;
import org.evalsearch.query.PassageQueryParser;

/**
 * Runs the query mix straight on a Lucene {@link IndexSearcher}, doing the work an API call needs and nothing
 * of HTTP: parse, filter, top 10 with multi-select facet counts (DrillSideways), stored records read and parsed,
 * snippets highlighted; group by report, a page 50 pages deep (searchAfter), 1,000 rows exported in index order.
 */
final class InProcessSearch implements AutoCloseable {
    private static final Set<String> RECORD_FIELD = Set.of(Schema.RECORD);

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final FacetsConfig config = Schema.facetsConfig();
    private final SortedSetDocValuesReaderState state;
    private final UnifiedHighlighter highlighter;
    private final PassageQueryParser parser = new PassageQueryParser();
    private final Map<QueryMix.Query, ScoreDoc> cursors = new LinkedHashMap<>();
    /** Filter values replaced because the index lacks them: "dim=wanted -> used". */
    final List<String> substitutions = new ArrayList<>();

    InProcessSearch(DirectoryReader reader) throws IOException {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.state = new DefaultSortedSetDocValuesReaderState(reader, config);
        this.highlighter = UnifiedHighlighter.builder(searcher, Schema.analyzer()).build();
    }

    int passages() {
        return reader.numDocs();
    }

    /** The mix with every filter value present in this index, and the deep cursors computed. */
    List<QueryMix.Query> resolve(List<QueryMix.Query> mix) throws IOException {
        List<QueryMix.Query> out = new ArrayList<>();
        for (QueryMix.Query q : mix) {
            Map<String, List<String>> filters = new LinkedHashMap<>();
            for (var e : q.filters().entrySet()) {
                List<String> kept = new ArrayList<>();
                for (String v : e.getValue()) {
                    String used = e.getKey().equals(Schema.YEAR) ? v : existingValue(e.getKey(), v);
                    if (!used.equals(v)) {
                        substitutions.add(e.getKey() + "=" + v + " -> " + used);
                    }
                    kept.add(used);
                }
                filters.put(e.getKey(), kept);
            }
            QueryMix.Query r = q.kind() == QueryMix.Kind.EXPORT_1000
                    ? q.withFilters(Map.of(Schema.DOC, exportDocs())) : q.withFilters(filters);
            if (r.kind() == QueryMix.Kind.DEEP_CURSOR) {
                TopDocs skipped = searcher.search(query(r), QueryMix.CURSOR_PAGES * QueryMix.PAGE_SIZE);
                ScoreDoc[] sd = skipped.scoreDocs;
                cursors.put(r, sd.length == 0 ? null : sd[sd.length - 1]);
            }
            out.add(r);
        }
        return out;
    }

    /** Runs one query of the mix; returns the number of hits it produced (so the JIT cannot drop the work). */
    long run(QueryMix.Query q) throws IOException {
        return switch (q.kind()) {
            case GROUP_BY_REPORT -> groupByReport(q);
            case DEEP_CURSOR -> page(q, cursors.get(q));
            case EXPORT_1000 -> export(q);
            default -> page(q, null);
        };
    }

    private long page(QueryMix.Query q, ScoreDoc after) throws IOException {
        DrillSideways ds = new DrillSideways(searcher, config, state);
        DrillDownQuery ddq = drillDown(q);
        DrillSideways.DrillSidewaysResult result = ds.search(after, ddq, QueryMix.PAGE_SIZE);
        long n = 0;
        for (String dim : Schema.FACETS) {
            FacetResult fr = dimOrNull(result, dim);
            n += fr == null ? 0 : fr.childCount;
        }
        return n + show(ddq, result.hits);
    }

    private static FacetResult dimOrNull(DrillSideways.DrillSidewaysResult result, String dim) throws IOException {
        try {
            return result.facets.getTopChildren(10, dim);
        } catch (IllegalArgumentException noSuchDim) {
            return null;
        }
    }

    /** Reads, parses and highlights the hits of one page, as an API answer needs. */
    private long show(Query query, TopDocs hits) throws IOException {
        StoredFields stored = searcher.storedFields();
        long n = 0;
        for (ScoreDoc sd : hits.scoreDocs) {
            PassageRecord r = Schema.fromJson(stored.document(sd.doc, RECORD_FIELD).get(Schema.RECORD));
            n += r.text().length();
        }
        if (!(query instanceof MatchAllDocsQuery) && hits.scoreDocs.length > 0) {
            String[] snippets = highlighter.highlight(Schema.TEXT, query, hits);
            for (String s : snippets) {
                n += s == null ? 0 : s.length();
            }
        }
        return n;
    }

    /** The best passages per report: the top hits collapsed to at most 3 per report, 10 reports. */
    private long groupByReport(QueryMix.Query q) throws IOException {
        Query query = query(q);
        TopDocs top = searcher.search(query, 1000);
        List<LeafReaderContext> leaves = reader.leaves();
        Map<BytesRef, List<ScoreDoc>> groups = new LinkedHashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            SortedSetDocValues dv = leaf.reader().getSortedSetDocValues(Schema.DOC);
            if (dv == null || !dv.advanceExact(sd.doc - leaf.docBase)) {
                continue;
            }
            BytesRef doc = BytesRef.deepCopyOf(dv.lookupOrd(dv.nextOrd()));
            List<ScoreDoc> g = groups.get(doc);
            if (g == null) {
                if (groups.size() == 10) {
                    continue;
                }
                groups.put(doc, g = new ArrayList<>());
            }
            if (g.size() < 3) {
                g.add(sd);
            }
        }
        List<ScoreDoc> shown = groups.values().stream().flatMap(List::stream).toList();
        TopDocs page = new TopDocs(top.totalHits, shown.toArray(ScoreDoc[]::new));
        FacetsCollector fc = FacetsCollectorManager.search(searcher, query, 0, new FacetsCollectorManager())
                .facetsCollector();
        long n = new SortedSetDocValuesFacetCounts(state, fc).getTopChildren(10, Schema.DOC).childCount;
        return n + show(query, page);
    }

    private long export(QueryMix.Query q) throws IOException {
        TopDocs rows = searcher.search(query(q), Math.max(1, reader.numDocs()), Sort.INDEXORDER);
        StoredFields stored = searcher.storedFields();
        long bytes = 0;
        for (ScoreDoc sd : rows.scoreDocs) {
            PassageRecord r = Schema.fromJson(stored.document(sd.doc, RECORD_FIELD).get(Schema.RECORD));
            bytes += Schema.toJson(r).getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    private Query query(QueryMix.Query q) {
        Query base = parser.parse(q.q());
        return q.filters().isEmpty() ? base : drillDown(q);
    }

    private DrillDownQuery drillDown(QueryMix.Query q) {
        DrillDownQuery ddq = new DrillDownQuery(config, parser.parse(q.q()));
        q.filters().forEach((dim, values) -> {
            if (dim.equals(Schema.YEAR)) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (String v : values) {
                    String[] r = v.split("-");
                    any.add(IntField.newRangeQuery(Schema.YEAR, Integer.parseInt(r[0]),
                            Integer.parseInt(r[r.length - 1])), BooleanClause.Occur.SHOULD);
                }
                ddq.add(dim, any.build());
            } else {
                ddq.add(dim, values.toArray(String[]::new));
            }
        });
        return ddq;
    }

    /**
     * The bundled reports (copy 0, present at every scale) whose passages add up closest to
     * {@link QueryMix#EXPORT_ROWS}, so that the export returns about that many rows at every scale: the API's
     * export has no row limit.
     */
    private List<String> exportDocs() throws IOException {
        FacetsCollector fc = FacetsCollectorManager.search(searcher, new MatchAllDocsQuery(), 0,
                new FacetsCollectorManager()).facetsCollector();
        FacetResult all = new SortedSetDocValuesFacetCounts(state, fc).getAllChildren(Schema.DOC);
        List<String> names = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (var lv : all.labelValues) {
            if (!ScaledCorpus.isCopy(lv.label) && names.size() < 16) {
                names.add(lv.label);
                counts.add(lv.value.intValue());
            }
        }
        int best = 0;
        long bestGap = Long.MAX_VALUE;
        for (int subset = 1; subset < (1 << names.size()); subset++) {
            long sum = 0;
            for (int i = 0; i < names.size(); i++) {
                if ((subset & (1 << i)) != 0) {
                    sum += counts.get(i);
                }
            }
            long gap = Math.abs(sum - QueryMix.EXPORT_ROWS);
            if (gap < bestGap) {
                bestGap = gap;
                best = subset;
            }
        }
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if ((best & (1 << i)) != 0) {
                chosen.add(names.get(i));
            }
        }
        return chosen;
    }

    /** {@code wanted} if the index has it for {@code dim}, else the dimension's most frequent value. */
    private String existingValue(String dim, String wanted) throws IOException {
        SortedSetDocValues dv = state.getDocValues();
        if (dv.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, new String[] {wanted}))) >= 0) {
            return wanted;
        }
        FacetsCollector fc = FacetsCollectorManager.search(searcher, new MatchAllDocsQuery(), 0,
                new FacetsCollectorManager()).facetsCollector();
        FacetResult top = new SortedSetDocValuesFacetCounts(state, fc).getTopChildren(1, dim);
        if (top == null || top.labelValues.length == 0) {
            throw new IllegalStateException("the index has no value for facet " + dim);
        }
        return top.labelValues[0].label;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
