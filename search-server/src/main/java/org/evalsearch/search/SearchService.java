package org.evalsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.IntField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;
import org.evalsearch.query.DenseFusion;
import org.evalsearch.query.InvalidQueryException;
import org.evalsearch.query.NumberedItems;
import org.evalsearch.query.ParsedQuery;
import org.evalsearch.query.PassageQueryParser;
import org.evalsearch.query.PseudoRelevanceFeedback;
import org.evalsearch.query.SearchFilters;
import org.evalsearch.tagging.TaggedPassage;

/**
 * Faceted passage search over the open index: the user's query (through {@link PassageQueryParser}, the same
 * parser the {@code evaluate} command uses), the filters as a drill-down, facet counts by DrillSideways so a
 * facet ignores its own filter, cursor paging, grouping by report and folding of repeated passages.
 */
public final class SearchService {
    /**
     * Values a filter may take even before any passage carries them, so that they give no hits rather than 400.
     * A holder class, so that the tagging data behind the theme ids is read by the first search, not at start-up.
     */
    private static final class Vocabulary {
        static final Map<String, Set<String>> VALUES = Map.of(
                Schema.TYPE, Set.copyOf(TaggedPassage.TYPES),
                Schema.CRITERION, Set.of("relevance", "coherence", "effectiveness", "efficiency", "impact", "sustainability"),
                Schema.STANCE, Set.of("agreed", "partially_agreed", "not_agreed", "unknown"),
                Schema.PRIORITY, Set.of("high", "medium", "low"),
                Schema.THEME, FacetLabels.themeIds());
    }
    /** How many top passages grouping by report looks at. */
    static final int GROUP_WINDOW = 1000;
    private static final int FEW_HITS = 3;
    /** Each batch runs the query again over every match, so batches are large; 1,000 sort keys are small. */
    private static final int EXPORT_BATCH = 1000;

    private final IndexAccess index;
    /** The parser with the acronyms of the index's reports; rebuilt when a refresh brings a new reader. */
    private volatile ParserForReader parser;
    private final FacetsConfig facetsConfig = Schema.facetsConfig();
    private final long timeoutMillis;
    private final Spelling spelling = new Spelling();
    private final Suggestions suggestions = new Suggestions(this);
    private final AnswerCache answers;
    private final QueryStates states;

    public SearchService(IndexAccess index, long timeoutMillis) {
        this(index, timeoutMillis, AnswerCache.DEFAULT_MB);
    }

    /** @param cacheMegabytes memory for answers kept for requests asked again; 0 searches every time */
    public SearchService(IndexAccess index, long timeoutMillis, int cacheMegabytes) {
        this.index = index;
        this.timeoutMillis = timeoutMillis;
        this.answers = new AnswerCache(cacheMegabytes);
        // the states of searches are small beside their answers (no passages, no snippets)
        this.states = new QueryStates(cacheMegabytes <= 0 ? 0 : Math.max(1, cacheMegabytes / 4));
    }

    /** What the answer cache holds and how often it answered. */
    public AnswerCache.Stats cacheStats() {
        return answers.stats();
    }

    public Suggestions suggestions() {
        return suggestions;
    }

    public IndexView view() throws IOException {
        return index.acquire(timeoutMillis);
    }

    /** A longer time budget, for exports that read every match. */
    public IndexView exportView() throws IOException {
        return index.acquire(timeoutMillis * 30, false);
    }

    public FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    public Query parse(String q) {
        return understand(q, true).query();
    }

    /** The query for {@code q} with what its words imply; {@code intent} false takes every word as topic. */
    public ParsedQuery understand(String q, boolean intent) {
        try {
            return parser().understand(q, intent);
        } catch (InvalidQueryException e) {
            throw e;
        } catch (RuntimeException e) {
            // the classic parser can fail outside ParseException (e.g. an automaton too complex to build)
            throw new InvalidQueryException("cannot run query: " + e.getMessage());
        }
    }

    /**
     * Builds the query parser for the open index and parses one query, which reads the query data files (synonyms,
     * intents, spelling variants): a file that cannot be read then stops the server as it starts, where it would
     * otherwise fail every search with 400.
     */
    public void prepareQueries() {
        parser().understand("evaluation", true);
    }

    private record ParserForReader(Object readerKey, PassageQueryParser parser) {}

    private PassageQueryParser parser() {
        try (IndexView view = view()) {
            IndexReader reader = view.reader();
            Object key = reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
            ParserForReader p = parser;
            if (p == null || p.readerKey() != key) {
                p = new ParserForReader(key, PassageQueryParser.forIndex(reader));
                parser = p;
            }
            return p.parser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query a search runs before facets: the parsed query, with repeated passages left out when folding. */
    public Query baseQuery(Query userQuery, boolean fold) {
        if (!fold) {
            return userQuery;
        }
        return new BooleanQuery.Builder()
                .add(userQuery, userQuery instanceof MatchAllDocsQuery ? Occur.FILTER : Occur.MUST)
                .add(new FieldExistsQuery(Schema.REPEATS), Occur.MUST_NOT)
                .build();
    }

    public void checkFilters(IndexView view, SearchFilters filters) throws IOException {
        for (var e : filters.values().entrySet()) {
            if (e.getKey().equals(Schema.YEAR)) {
                continue;
            }
            Set<String> known = Vocabulary.VALUES.getOrDefault(e.getKey(), Set.of());
            List<String> unusual = e.getValue().stream().filter(v -> !known.contains(v)).toList();
            if (unusual.isEmpty()) {
                continue;
            }
            if (view.facetState() == null) {
                throw new InvalidQueryException("unknown value '" + unusual.get(0) + "' for filter '" + e.getKey() + "'");
            }
            Map<String, List<String>> only = Map.of(e.getKey(), unusual);
            SearchFilters.of(only).checkValuesExist(view.facetState());
        }
    }

    /** The answer to {@code req}: the one already given on the current commit, or a new search. */
    public SearchResult search(SearchRequest req) throws IOException {
        long start = System.nanoTime();
        SearchResult known = answers.get(index.currentVersion(), req);
        if (known != null) {
            return known.withTookMs((System.nanoTime() - start) / 1_000_000);
        }
        try (IndexView view = view()) {
            SearchResult answer = search(view, req, start);
            answers.put(view.version(), req, answer);
            return answer;
        }
    }

    private SearchResult search(IndexView view, SearchRequest req, long start) throws IOException {
        IndexSearcher searcher = view.searcher();
        int fused = DenseFusion.available(searcher)
                ? Math.clamp(fusionDepth(req), DenseFusion.MIN_DEPTH, DenseFusion.MAX_DEPTH) : 0;
        QueryStates.Key key = new QueryStates.Key(req.q(), req.intent(), req.filters(), req.fold(), fused);
        QueryStates.State known = states.get(view.version(), key);
        ParsedQuery understood = known != null ? known.understood() : understand(req.q(), req.intent());
        Query userQuery = understood.query();
        Sort sort = req.sort().sort();
        FieldDoc after = req.groupByDoc() ? null : Cursor.decode(req.cursor(), sort);
        checkFilters(view, req.filters());
        Query ranked = known != null ? known.ranked() : ranked(searcher, req, userQuery);
        DrillDownQuery ddq = req.filters().drillDown(baseQuery(ranked, req.fold()), facetsConfig);
        int window = req.groupByDoc() ? GROUP_WINDOW : req.size() * NumberedItems.WINDOW_FACTOR + 1;
        // ranking counts no further than the window, so that it skips passages that cannot reach it from
        // the start; the exact total comes from the facet pass, which visits every match anyway
        TopFieldDocs top = searcher.search(ddq, new TopFieldCollectorManager(sort, window, after, window));
        scoresFromSortValues(top.scoreDocs, sort, searcher, ddq);
        boolean timedOut = searcher.timedOut();
        QueryStates.Counted counted = known != null ? known.counted()
                : timedOut ? null : facets(view, ddq, req.filters());
        if (known == null && counted != null && !searcher.timedOut()) {
            states.put(view.version(), key, new QueryStates.State(understood, ranked, counted));
        }
        Map<String, List<FacetValue>> allFacets = counted == null ? Map.of() : counted.facets();
        Map<String, List<FacetValue>> facets = FacetCounts.limit(allFacets, req.facetSize(), req.filters());
        long total = counted == null ? top.totalHits.value() : counted.total();
        List<ScoreDoc> matches = List.of(top.scoreDocs);
        Map<String, Integer> groupCounts = null;
        String next = null;
        List<NumberedItems.Ranked> page;
        if (req.groupByDoc()) {
            groupCounts = new HashMap<>();
            List<ScoreDoc> best = bestPerReport(view, matches, req.size(), groupCounts);
            page = NumberedItems.collapse(searcher, best, best.size()).items();
        } else {
            ItemPage items = itemPage(searcher, ddq, sort, after, req.size(), top.scoreDocs, window);
            page = items.items();
            next = items.next() == null ? null : Cursor.encode(items.next(), sort);
        }
        List<Hit> hits = hits(view, userQuery, page, req.fold(), groupCounts);
        String didYouMean = total < FEW_HITS ? spelling.suggest(view.reader(), req.q()) : null;
        long took = (System.nanoTime() - start) / 1_000_000;
        return new SearchResult(total, took, hits, facets, FacetCounts.valueCounts(allFacets), next, didYouMean, timedOut,
                understood.implied());
    }

    /** How many passages dense fusion takes from each ranking for a page of this request's size. */
    private static int fusionDepth(SearchRequest req) {
        return req.size() * NumberedItems.WINDOW_FACTOR;
    }

    /** The query that ranks the matches: the user's, with feedback words and, with vectors, fused passages. */
    private Query ranked(IndexSearcher searcher, SearchRequest req, Query userQuery) throws IOException {
        // feedback words only reorder the matches (snippets still mark the user's own words)
        UnaryOperator<Query> restrict = q -> req.filters().drillDown(baseQuery(q, req.fold()), facetsConfig);
        Query ranked = PseudoRelevanceFeedback.expand(searcher, userQuery, restrict);
        // passages near the query's meaning join the best word matches, when the index has vectors
        return DenseFusion.fuse(searcher, ranked, restrict, req.q(), fusionDepth(req));
    }

    /**
     * Sets each hit's score from its sort values: every sort order holds the score, and
     * {@link TopFieldCollector#populateScores} would build the whole query's weight and score the window again.
     */
    private static void scoresFromSortValues(ScoreDoc[] hits, Sort sort, IndexSearcher searcher, Query query)
            throws IOException {
        SortField[] fields = sort.getSort();
        int scoreAt = -1;
        for (int i = 0; i < fields.length && scoreAt < 0; i++) {
            if (fields[i].getType() == SortField.Type.SCORE) {
                scoreAt = i;
            }
        }
        if (scoreAt < 0) {
            TopFieldCollector.populateScores(hits, searcher, query);
            return;
        }
        for (ScoreDoc hit : hits) {
            hit.score = (Float) ((FieldDoc) hit).fields[scoreAt];
        }
    }

    /** A page of results and where the next one starts (null at the end). */
    private record ItemPage(List<NumberedItems.Ranked> items, FieldDoc next) {}

    /**
     * The page of {@code size} items after {@code after}: windows of ranked passages are read until the page is
     * full, since the parts of items already shown (on this page or an earlier one) are passed over.
     */
    private static ItemPage itemPage(IndexSearcher searcher, Query query, Sort sort, FieldDoc after, int size,
                                     ScoreDoc[] firstWindow, int window) throws IOException {
        List<NumberedItems.Ranked> page = new ArrayList<>(size);
        FieldDoc from = after;
        ScoreDoc[] matches = firstWindow;
        while (true) {
            FieldDoc windowStart = from;
            NumberedItems.Collapsed items = NumberedItems.collapse(searcher, List.of(matches), size - page.size(),
                    windowStart == null ? parts -> false : parts -> rankedBefore(searcher, query, sort, windowStart, parts));
            page.addAll(items.items());
            if (items.read() < matches.length) {
                return new ItemPage(page, (FieldDoc) matches[items.read() - 1]);
            }
            if (matches.length < window) {
                return new ItemPage(page, null);
            }
            from = (FieldDoc) matches[matches.length - 1];
            if (page.size() == size) {
                return new ItemPage(page, from);
            }
            matches = searcher.search(query, new TopFieldCollectorManager(sort, window, from, window)).scoreDocs;
            scoresFromSortValues(matches, sort, searcher, query);
        }
    }

    /**
     * Whether any of an item's passages ranks before the cursor, that is, the item was shown on an earlier page:
     * fewer of its matching passages come after the cursor than match at all.
     */
    private static boolean rankedBefore(IndexSearcher searcher, Query query, Sort sort, FieldDoc after,
                                        List<PassageRecord> parts) throws IOException {
        BooleanQuery.Builder ids = new BooleanQuery.Builder();
        parts.forEach(p -> ids.add(new TermQuery(Schema.idTerm(p.id())), Occur.SHOULD));
        Query partsMatching = new BooleanQuery.Builder().add(query, Occur.MUST).add(ids.build(), Occur.FILTER).build();
        int all = searcher.count(partsMatching);
        int later = searcher.search(partsMatching, new TopFieldCollectorManager(sort, parts.size(), after,
                Integer.MAX_VALUE)).scoreDocs.length;
        return later < all;
    }

    /**
     * Facet counts where each filtered facet is counted without its own filter (DrillSideways). Run only after
     * the hits were found within the time budget: DrillSideways cannot run under Lucene's query timeout, so
     * that first pass is what bounds the cost of a query. Counted from {@link FacetOrdinals} arrays.
     */
    private QueryStates.Counted facets(IndexView view, DrillDownQuery ddq, SearchFilters filters) throws IOException {
        if (view.facetState() == null) {
            return null;
        }
        IndexSearcher searcher = view.searcher();
        view.startSecondPhase();
        OrdinalCounts counting = new OrdinalCounts(view.facetOrdinals(), view.facetState());
        List<String> filtered = List.copyOf(filters.values().keySet());
        DrillSideways ds = new DrillSideways(searcher, facetsConfig, view.facetState());
        // the same matches without scores: DrillSideways scores every match of the base query it is given
        DrillDownQuery counted = filtered.isEmpty() ? ddq
                : filters.drillDown(OrdinalCounts.unscored(ddq.getBaseQuery()), facetsConfig);
        DrillSideways.Result<OrdinalCounts.Counts, OrdinalCounts.Counts> r = ds.search(counted, counting,
                filtered.stream().map(dim -> counting).toList());
        Map<String, int[]> byDim = new HashMap<>();
        for (int i = 0; i < filtered.size(); i++) {
            byDim.put(filtered.get(i), r.drillSidewaysResults().get(i).byOrd());
        }
        int[] drillDown = r.drillDownResult().byOrd();
        return new QueryStates.Counted(FacetCounts.of(dim -> byDim.getOrDefault(dim, drillDown), view),
                r.drillDownResult().hits());
    }

    private static List<ScoreDoc> bestPerReport(IndexView view, List<ScoreDoc> all, int groups,
                                                Map<String, Integer> counts) throws IOException {
        String[] reports = reportsOf(view, all);
        Map<String, ScoreDoc> best = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            ScoreDoc sd = all.get(i);
            String doc = reports[i];
            counts.merge(doc, 1, Integer::sum);
            if (best.size() < groups || best.containsKey(doc)) {
                best.putIfAbsent(doc, sd);
            }
        }
        return new ArrayList<>(best.values());
    }

    /**
     * The report of each hit, read from the {@code doc} field's doc values in index order: parsing the stored
     * record of every hit of the grouping window was most of the time of a grouped search.
     */
    private static String[] reportsOf(IndexView view, List<ScoreDoc> hits) throws IOException {
        Integer[] byDocId = new Integer[hits.size()];
        for (int i = 0; i < byDocId.length; i++) {
            byDocId[i] = i;
        }
        Arrays.sort(byDocId, Comparator.comparingInt(i -> hits.get(i).doc));
        List<LeafReaderContext> leaves = view.reader().leaves();
        String[] out = new String[hits.size()];
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        SortedSetDocValues values = null;
        for (int i : byDocId) {
            int docId = hits.get(i).doc;
            int li = ReaderUtil.subIndex(docId, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                values = DocValues.getSortedSet(leaf.reader(), Schema.DOC);
            }
            out[i] = values.advanceExact(docId - leaf.docBase)
                    ? values.lookupOrd(values.nextOrd()).utf8ToString() : view.record(docId).doc();
        }
        return out;
    }

    /**
     * Hits for ranked results: the item shown, with the snippet of the passage that matched and the passages
     * folded into it.
     */
    public List<Hit> hits(IndexView view, Query userQuery, List<NumberedItems.Ranked> ranked, boolean fold,
                          Map<String, Integer> groupCounts) throws IOException {
        int[] ids = new int[ranked.size()];
        for (int i = 0; i < ranked.size(); i++) {
            ids[i] = ranked.get(i).matched().doc;
        }
        String[] snippets = Snippets.of(view, userQuery, ids,
                ranked.stream().map(r -> r.matchedPassage().text()).toList());
        Map<String, List<PassageRef>> repeats = fold
                ? repeatsOf(view, ranked.stream().map(NumberedItems.Ranked::shown).toList()) : Map.of();
        List<Hit> hits = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            NumberedItems.Ranked item = ranked.get(i);
            PassageRecord r = item.shown();
            float score = item.matched().score;
            List<PassageRef> parts = item.parts().size() > 1 ? item.parts().stream().map(Links::ref).toList() : null;
            hits.add(new Hit(r, snippets[i], Float.isNaN(score) ? 0f : score, Links.pdf(r),
                    repeats.getOrDefault(r.id(), List.of()), parts,
                    groupCounts == null ? null : groupCounts.get(r.doc())));
        }
        return hits;
    }

    /** For each passage id, the passages that repeat it. */
    public Map<String, List<PassageRef>> repeatsOf(IndexView view, List<PassageRecord> records) throws IOException {
        if (records.isEmpty()) {
            return Map.of();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        records.forEach(r -> any.add(new TermQuery(new Term(Schema.REPEATS, r.id())), Occur.SHOULD));
        TopDocs top = view.searcher().search(any.build(), 10 * records.size() + 10);
        Map<String, List<PassageRef>> out = new HashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            PassageRecord r = view.record(sd.doc);
            out.computeIfAbsent(r.repeats(), k -> new ArrayList<>()).add(Links.ref(r));
        }
        return out;
    }

    /** Receives the passages of an export one by one. */
    public interface MatchConsumer {
        void accept(PassageRecord r) throws IOException;
    }

    /** Receives the passages of an export one by one, as their stored JSON records. */
    public interface StoredMatchConsumer {
        void accept(String json) throws IOException;
    }

    /**
     * Every passage matching a query and filters, report by report in reading order, read in batches so that
     * any number of matches streams in bounded memory. Returns how many were passed on.
     */
    public long forEachMatch(IndexView view, String q, SearchFilters filters, boolean fold, MatchConsumer consumer)
            throws IOException {
        return forEachStoredMatch(view, q, filters, fold, json -> consumer.accept(Schema.fromJson(json)));
    }

    /** {@link #forEachMatch}, each passage as its stored JSON record (the API's shape of a passage). */
    public long forEachStoredMatch(IndexView view, String q, SearchFilters filters, boolean fold,
                                   StoredMatchConsumer consumer) throws IOException {
        Query query = filters.apply(baseQuery(parse(q), fold), facetsConfig);
        checkFilters(view, filters);
        long n = 0;
        FieldDoc after = null;
        StoredRecords records = new StoredRecords(view.reader());
        while (true) {
            TopDocs batch = view.searcher().searchAfter(after, query, EXPORT_BATCH, SortOrder.DOCUMENT_ORDER);
            if (view.searcher().timedOut()) {
                throw new InvalidQueryException("export took longer than its time budget; narrow the query or filters");
            }
            for (ScoreDoc sd : batch.scoreDocs) {
                consumer.accept(records.json(sd.doc));
                n++;
            }
            if (batch.scoreDocs.length < EXPORT_BATCH) {
                return n;
            }
            after = (FieldDoc) batch.scoreDocs[batch.scoreDocs.length - 1];
        }
    }

    /** The passage with the given id, or null. */
    /** The management response passages a recommendation received, in order; ids no longer indexed are left out. */
    public List<PassageRecord> responsesOf(IndexView view, PassageRecord r) throws IOException {
        List<PassageRecord> responses = new ArrayList<>();
        for (String id : r.responses() == null ? List.<String>of() : r.responses()) {
            PassageRecord response = byId(view, id);
            if (response != null) {
                responses.add(response);
            }
        }
        return responses;
    }

    public PassageRecord byId(IndexView view, String id) throws IOException {
        TopDocs top = view.searcher().search(new TermQuery(Schema.idTerm(id)), 1);
        return top.scoreDocs.length == 0 ? null : view.record(top.scoreDocs[0].doc);
    }

    /** The passage of a report at an ordinal, or null. */
    public PassageRecord byOrdinal(IndexView view, String doc, int ordinal) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(Schema.docTerm(doc)), Occur.FILTER)
                .add(IntField.newExactQuery(Schema.ORDINAL, ordinal), Occur.FILTER)
                .build();
        TopDocs top = view.searcher().search(q, 1);
        return top.scoreDocs.length == 0 ? null : view.record(top.scoreDocs[0].doc);
    }

    /** Every passage of a report, in reading order. */
    public List<PassageRecord> passagesOf(IndexView view, String doc) throws IOException {
        TopFieldDocs top = view.searcher().search(new TermQuery(Schema.docTerm(doc)),
                Math.max(1, view.reader().maxDoc()), SortOrder.DOCUMENT_ORDER);
        List<PassageRecord> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(view.record(sd.doc));
        }
        return out;
    }
}
