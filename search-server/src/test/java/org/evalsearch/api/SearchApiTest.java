package org.evalsearch.api;

import static org.evalsearch.api.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.evalsearch.query.SearchFilters;
import org.evalsearch.search.IndexAccess;
import org.evalsearch.search.SearchRequest;
import org.evalsearch.search.SearchService;
import org.evalsearch.search.SortOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over an index of the bundled corpus, through real HTTP. */
class SearchApiTest {
    static final List<String> FACETS = List.of("type", "theme", "criterion", "country", "region", "year", "doc",
            "evaluation_type", "language", "priority", "stance");
    static final String SUMMARY_2013 = "2013-labour-migration-evaluation-summary.pdf";
    static final String LMPP_2009 = "2009-lmpp-project-final-evaluation-summary.pdf";

    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestServer.BUNDLED_CORPUS, tmp.resolve("index"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void thePageAndItsFilesAreServedWithTheirTypesAndRevalidatedByTag() throws Exception {
        HttpResponse<String> page = server.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"js/app.js\">"), page.body());
        HttpResponse<String> script = server.get("/js/app.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("import "));
        assertTrue(server.get("/css/app.css").headers().firstValue("content-type").orElse("").startsWith("text/css"));
        String tag = script.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = server.get("/js/app.js", "If-None-Match", tag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        for (String missing : List.of("/js/nope.js", "/web/index.html", "/evalsearch/openapi.json", "/js/app.js.bak",
                "/js/%2e%2e/index.html", "/js/..%2Findex.html")) {
            assertNotEquals(200, server.get(missing).statusCode(), missing);
        }
        HttpResponse<String> api = server.get("/api/nothing-here");
        assertEquals(404, api.statusCode());
        assertTrue(api.body().contains("no such endpoint"), api.body());
    }

    @Test
    void searchAnswersWithTheDocumentedKeys() throws Exception {
        JsonNode r = server.json("/api/search?q=migration");
        for (String key : List.of("total", "took_ms", "hits", "facets", "next_cursor")) {
            assertTrue(r.has(key), "answer lacks " + key);
        }
        assertTrue(r.get("total").asLong() > 10);
        assertEquals(10, r.get("hits").size());
        assertFalse(r.get("next_cursor").isNull());
        for (JsonNode hit : r.get("hits")) {
            for (String key : List.of("id", "doc", "title", "year", "page", "page_label", "section", "type", "number",
                    "themes", "criteria", "countries", "regions", "text", "snippet", "score", "pdf_url", "stance",
                    "responses", "responds_to", "priority", "repeats", "also_in")) {
                assertTrue(hit.has(key), "hit lacks " + key + ": " + hit);
            }
            assertEquals("/api/documents/" + hit.get("doc").asText() + "/pdf#page=" + hit.get("page").asInt(),
                    hit.get("pdf_url").asText());
            assertTrue(hit.get("snippet").asText().contains("<mark>"), hit.get("snippet").asText());
        }
        for (String facet : FACETS) {
            assertTrue(r.get("facets").has(facet), "facets lack " + facet);
        }
        JsonNode first = r.get("facets").get("doc").get(0);
        assertTrue(first.has("value") && first.has("label") && first.has("count"));
    }

    @Test
    void aRecommendationSpreadOverSeveralPassagesIsOneHitWithItsWholeText() throws Exception {
        JsonNode hits = server.json("/api/search?q=" + enc("fair recruitment") + "&type=recommendation&size=10").get("hits");
        Set<String> items = new HashSet<>();
        boolean sawParts = false;
        for (JsonNode hit : hits) {
            assertTrue(items.add(hit.get("doc").asText() + "|" + hit.get("number").asText() + "|" + hit.get("section").asText()),
                    "recommendation shown twice: " + hit.get("id"));
            JsonNode parts = hit.path("parts");
            if (parts.size() > 1) {
                sawParts = true;
                assertEquals(hit.get("id").asText(), parts.get(0).get("id").asText(), "the hit is the item's first passage");
                for (JsonNode part : parts) {
                    String partText = server.json("/api/passages/" + enc(part.get("id").asText())).get("text").asText();
                    assertTrue(hit.get("text").asText().contains(partText), "item text lacks part " + part.get("id"));
                }
            }
        }
        assertTrue(sawParts, "the 2021 report's recommendations run over several passages each");
    }

    @Test
    void pagingShowsEachRecommendationOnceAndCoversEveryMatchingPassage() throws Exception {
        String query = "/api/search?q=" + enc("fair recruitment") + "&type=recommendation&size=2";
        JsonNode page = server.json(query);
        long total = page.get("total").asLong();
        Set<String> shown = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (int pages = 0; ; pages++) {
            assertTrue(pages < 100, "paging does not end");
            for (JsonNode hit : page.get("hits")) {
                assertTrue(shown.add(hit.get("id").asText()), "shown on two pages: " + hit.get("id"));
                covered.add(hit.get("id").asText());
                hit.path("parts").forEach(part -> covered.add(part.get("id").asText()));
            }
            if (page.get("next_cursor").isNull()) {
                break;
            }
            page = server.json(query + "&cursor=" + enc(page.get("next_cursor").asText()));
        }
        assertTrue(shown.size() < total, "parts were folded into their recommendations");
        assertTrue(covered.size() >= total, "every matching passage is shown or part of a hit: " + covered.size() + " of " + total);
    }

    @Test
    void intentWordsArePreferredAndReportedUntilTheUserTurnsThemOff() throws Exception {
        JsonNode understood = server.json("/api/search?q=" + enc("recommendations on statistics") + "&size=5");
        assertEquals("recommendation", understood.get("understood").path("type").asText(), understood.toString());
        assertEquals("recommendation", understood.get("hits").get(0).get("type").asText(),
                "the implied type is preferred in the ranking");
        assertEquals(0, server.json("/api/search?q=" + enc("recommendations on statistics") + "&intent=off")
                .get("understood").size());
        assertEquals(0, server.json("/api/search?q=statistics").get("understood").size());
        assertEquals(400, server.get("/api/search?q=statistics&intent=maybe").statusCode());
    }

    @Test
    void facetCountEqualsHitsWhenFilteredToThatValue() throws Exception {
        JsonNode facets = server.json("/api/search?q=migration&size=1").get("facets");
        int checked = 0;
        for (String dim : FACETS) {
            int perDim = 0;
            for (JsonNode v : facets.get(dim)) {
                if (v.get("count").asLong() == 0 || perDim++ == 3) {
                    continue;
                }
                JsonNode filtered = server.json("/api/search?q=migration&size=1&" + dim + "=" + enc(v.get("value").asText()));
                assertEquals(v.get("count").asLong(), filtered.get("total").asLong(), dim + "=" + v.get("value"));
                checked++;
            }
        }
        assertTrue(checked >= 5, "too few facet values to check: " + checked);
    }

    @Test
    void aFacetsCountsIgnoreItsOwnFilterAndValuesOfOneFacetAreOred() throws Exception {
        Map<String, Long> docs = counts(server.json("/api/search?q=migration&size=1").get("facets").get("doc"));
        JsonNode one = server.json("/api/search?q=migration&size=1&doc=" + enc(SUMMARY_2013));
        assertEquals(docs, counts(one.get("facets").get("doc")), "doc counts must ignore the doc filter");
        long yearSum = 0;
        for (JsonNode y : one.get("facets").get("year")) {
            yearSum += y.get("count").asLong();
        }
        assertEquals(one.get("total").asLong(), yearSum, "other facets are counted within the filter");

        JsonNode two = server.json("/api/search?q=migration&size=1&doc=" + enc(SUMMARY_2013) + "&doc=" + enc(LMPP_2009));
        assertEquals(docs.get(SUMMARY_2013) + docs.get(LMPP_2009), two.get("total").asLong());

        JsonNode and = server.json("/api/search?q=migration&size=1&doc=" + enc(SUMMARY_2013) + "&year=2009");
        assertEquals(0, and.get("total").asLong(), "different facets are AND-ed");
        JsonNode range = server.json("/api/search?q=migration&size=1&year=2008-2009");
        Map<String, Long> years = counts(server.json("/api/search?q=migration&size=1").get("facets").get("year"));
        assertEquals(years.get("2008") + years.get("2009"), range.get("total").asLong());
    }

    @Test
    void everyTaxonomyThemeIsAValidFilterAndIsLabelled() throws Exception {
        for (String theme : List.of("domestic-work", "fair-recruitment", "social-protection")) {
            assertEquals(200, server.get("/api/search?size=1&theme=" + theme).statusCode(), theme);
        }
        for (JsonNode t : server.json("/api/search?size=1").get("facets").get("theme")) {
            assertFalse(t.get("label").asText().equals(t.get("value").asText()), "theme label from the taxonomy: " + t);
        }
    }

    @Test
    void yearFacetCoversTheRangePresent() throws Exception {
        JsonNode years = server.json("/api/search?size=1").get("facets").get("year");
        List<Integer> list = new ArrayList<>();
        years.forEach(y -> list.add(y.get("value").asInt()));
        assertEquals(2008, list.get(0));
        assertEquals(2021, list.get(list.size() - 1));
        assertEquals(2021 - 2008 + 1, list.size(), "every year in between, with zeros");
    }

    @Test
    void emptyQueryWithFiltersBrowses() throws Exception {
        Map<String, Long> years = counts(server.json("/api/search?size=1").get("facets").get("year"));
        JsonNode browse = server.json("/api/search?year=2013&size=5");
        assertEquals(years.get("2013"), browse.get("total").asLong());
        for (JsonNode hit : browse.get("hits")) {
            assertEquals(2013, hit.get("year").asInt());
        }
    }

    @Test
    void cursorPagingReturnsEveryHitOnce() throws Exception {
        String docs = "&doc=" + enc(LMPP_2009) + "&doc=" + enc(SUMMARY_2013) + "&size=37";
        for (String sort : List.of("relevance", "year_desc", "year_asc")) {
            pageThrough("/api/search?q=migration" + docs + "&sort=" + sort);
            pageThrough("/api/search?q=" + docs + "&sort=" + sort);
        }
    }

    private static void pageThrough(String query) throws Exception {
        JsonNode page = server.json(query);
        long total = page.get("total").asLong();
        assertTrue(total > 37, "query should need several pages, total " + total);
        Set<String> seen = new HashSet<>();
        int pages = 0;
        while (true) {
            for (JsonNode hit : page.get("hits")) {
                assertTrue(seen.add(hit.get("id").asText()), "hit seen twice: " + hit.get("id"));
            }
            pages++;
            if (page.get("next_cursor").isNull()) {
                break;
            }
            page = server.json(query + "&cursor=" + enc(page.get("next_cursor").asText()));
            assertTrue(pages < 100, "paging does not end");
        }
        assertEquals(total, seen.size(), query);
    }

    @Test
    void markupInTheQueryComesBackEscaped() throws Exception {
        JsonNode r = server.json("/api/search?q=" + enc("<script>alert(1)<\\/script> migration"));
        assertTrue(r.get("hits").size() > 0);
        for (JsonNode hit : r.get("hits")) {
            String withoutMarks = hit.get("snippet").asText().replace("<mark>", "").replace("</mark>", "");
            assertFalse(withoutMarks.contains("<"), withoutMarks);
            assertFalse(withoutMarks.contains(">"), withoutMarks);
        }
    }

    @Test
    void markupThatIsNotQuerySyntaxIsRefusedAsJson() throws Exception {
        HttpResponse<String> r = server.get("/api/search?q=" + enc("<script>alert(1)</script>"));
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    }

    @Test
    void exportStreamsEveryMatchWithACitation() throws Exception {
        String filter = "q=migration&doc=" + enc(SUMMARY_2013) + "&doc=" + enc(LMPP_2009);
        long total = server.json("/api/search?" + filter).get("total").asLong();
        HttpResponse<String> csv = server.get("/api/export?" + filter + "&format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(total, rows.size());
        CSVRecord row = rows.get(0);
        assertTrue(row.get("citation").matches(".+ \\(\\d{4}\\), p\\. \\S+"), row.get("citation"));

        JsonNode json = server.parse(server.get("/api/export?" + filter + "&format=json").body());
        assertEquals(total, json.size());
        for (int i = 0; i < rows.size(); i++) {
            for (String column : List.of("id", "title", "page_label", "text", "citation", "pdf_url")) {
                assertEquals(rows.get(i).get(column), json.get(i).get(column).asText(), column + " of row " + i);
            }
        }

        long all = server.json("/api/search?size=1").get("total").asLong();
        assertTrue(all > 100, "the whole index is larger than the 100-hit page cap");
        HttpResponse<String> everything = server.get("/api/export?format=csv");
        assertEquals(all, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(everything.body())).getRecords().size());
    }

    @Test
    void theCsvExportGivesEachRecommendationTheManagementResponseItReceived() throws Exception {
        String filter = "type=recommendation";
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(server.get("/api/export?" + filter + "&format=csv").body())).getRecords();
        JsonNode records = server.parse(server.get("/api/export?" + filter + "&format=json").body());
        assertEquals(records.size(), rows.size());
        int answered = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<String> texts = new ArrayList<>();
            for (JsonNode id : records.get(i).path("responses")) {
                texts.add(server.json("/api/passages/" + enc(id.asText())).get("text").asText());
            }
            assertEquals(String.join("\n\n", texts), rows.get(i).get("management_response"), rows.get(i).get("id"));
            answered += texts.isEmpty() ? 0 : 1;
        }
        assertTrue(answered >= 5, "recommendations with a management response: " + answered);
    }

    /**
     * The JSON export builds a row's citation and link once per page and reuses them for the next rows of that
     * page: every row must still cite its own report and page, across page and report changes.
     */
    @Test
    void everyJsonExportRowCitesItsOwnReportAndPage() throws Exception {
        JsonNode rows = server.parse(server.get("/api/export?format=json").body());
        assertEquals(server.json("/api/search?size=1").get("total").asLong(), rows.size());
        int pageChanges = 0;
        int reportChanges = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            String label = r.path("page_label").asText("");
            String printed = label.isBlank() ? r.get("page").asText() : label;
            String year = r.get("year").asInt() > 0 ? " (" + r.get("year").asInt() + ")" : "";
            assertEquals(r.get("title").asText("") + year + ", p. " + printed, r.get("citation").asText(),
                    "citation of row " + i);
            assertEquals("/api/documents/" + enc(r.get("doc").asText()).replace("+", "%20") + "/pdf"
                    + (r.get("page").asInt() > 0 ? "#page=" + r.get("page").asInt() : ""), r.get("pdf_url").asText(),
                    "pdf_url of row " + i);
            if (i > 0 && !r.get("doc").equals(rows.get(i - 1).get("doc"))) {
                reportChanges++;
            } else if (i > 0 && !r.get("page").equals(rows.get(i - 1).get("page"))) {
                pageChanges++;
            }
        }
        assertTrue(reportChanges >= 6 && pageChanges > 50, reportChanges + " report and " + pageChanges
                + " page changes: the export must cross both for this test to mean anything");
    }

    @Test
    void badInputGets400WithAMessage() throws Exception {
        List<String> bad = List.of(
                "/api/search?q=" + enc("\"unclosed phrase"),
                "/api/search?q=" + enc("*leading"),
                "/api/search?q=" + enc("a".repeat(1001)),
                "/api/search?q=x&size=0",
                "/api/search?q=x&size=101",
                "/api/search?q=x&size=ten",
                "/api/search?q=x&sort=alphabetical",
                "/api/search?q=x&colour=red",
                "/api/search?q=x&type=recomendation",
                "/api/search?q=x&year=20x3",
                "/api/search?q=x&year=2015-2010",
                "/api/search?q=x&cursor=not-a-cursor",
                "/api/search?q=x&group=year",
                "/api/map?rows=nothing&cols=doc",
                "/api/map?rows=doc&cols=doc",
                "/api/export?format=xml",
                "/api/suggest?q=" + enc("m".repeat(101)));
        for (String url : bad) {
            HttpResponse<String> r = server.get(url);
            assertEquals(400, r.statusCode(), url + " -> " + r.body());
            JsonNode body = server.parse(r.body());
            assertTrue(body.get("error").asText().length() > 5, url + " -> " + r.body());
        }
    }

    @Test
    void groupingShowsOneReportOnce() throws Exception {
        JsonNode r = server.json("/api/search?q=migration&group=doc");
        Set<String> docs = new HashSet<>();
        for (JsonNode hit : r.get("hits")) {
            assertTrue(docs.add(hit.get("doc").asText()), "report shown twice");
            assertTrue(hit.get("group_count").asInt() >= 1);
        }
        assertTrue(docs.size() >= 3);
    }

    @Test
    void passageComesWithNeighboursAndSimilarPassagesOfOtherEvaluations() throws Exception {
        JsonNode hit = server.json("/api/search?q=" + enc("labour migration statistics data") + "&doc=" + enc(SUMMARY_2013))
                .get("hits").get(0);
        JsonNode p = server.json("/api/passages/" + enc(hit.get("id").asText()));
        assertEquals(hit.get("id"), p.get("id"));
        int ordinal = p.get("ordinal").asInt();
        if (ordinal > 0) {
            assertEquals(ordinal - 1, p.get("previous").get("ordinal").asInt());
        }
        assertEquals(ordinal + 1, p.get("next").get("ordinal").asInt());
        assertTrue(p.get("similar").size() > 0, "no similar passages");
        for (JsonNode s : p.get("similar")) {
            assertFalse(s.get("evaluation").asText().equals(p.get("evaluation").asText()),
                    "similar passages come from other evaluations");
        }
    }

    @Test
    void aMethodAnEndpointDoesNotTakeIsRefusedWithTheMethodsItDoes() throws Exception {
        for (String pathAndQuery : List.of("/api/search?q=migration", "/api/passages/" + enc("no-such.pdf#1"),
                "/api/export")) {
            for (String method : List.of("POST", "PUT", "DELETE")) {
                HttpResponse<String> r = server.send(method, pathAndQuery);
                assertEquals(405, r.statusCode(), method + " " + pathAndQuery);
                assertEquals("GET", r.headers().firstValue("allow").orElse(""), method + " " + pathAndQuery);
                assertTrue(server.parse(r.body()).get("error").asText().startsWith(method + " is not an operation"),
                        r.body());
            }
        }
    }

    @Test
    void aPassageOrReportTheIndexDoesNotHoldIsNamedInTheNotFoundAnswer() throws Exception {
        HttpResponse<String> passage = server.get("/api/passages/" + enc("no-such.pdf#1"));
        assertEquals(404, passage.statusCode());
        assertEquals("no passage with id 'no-such.pdf#1'", server.parse(passage.body()).get("error").asText());
        HttpResponse<String> report = server.get("/api/documents/" + enc("no-such.pdf"));
        assertEquals(404, report.statusCode());
        assertEquals("no indexed document 'no-such.pdf'", server.parse(report.body()).get("error").asText());
    }

    @Test
    void evidenceMapCountsEveryPairAndLinksToItsSearch() throws Exception {
        JsonNode map = server.json("/api/map?q=migration&rows=year&cols=doc");
        long sum = 0;
        for (JsonNode cell : map.get("cells")) {
            sum += cell.get("count").asLong();
        }
        long total = server.json("/api/search?q=migration&size=1").get("total").asLong();
        assertEquals(total, sum, "year and doc have one value per passage, so the cells add up to the total");
        JsonNode cell = map.get("cells").get(0);
        JsonNode listed = server.json(cell.get("search_url").asText() + "&size=1");
        assertEquals(cell.get("count").asLong(), listed.get("total").asLong());

        HttpResponse<String> csv = server.get("/api/map?q=migration&rows=year&cols=language&format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("year \\ language,"), csv.body());
    }

    @Test
    void documentsListMetadataOutlineAndCounts() throws Exception {
        JsonNode list = server.json("/api/documents").get("documents");
        assertEquals(7, list.size());
        JsonNode d = server.json("/api/documents/" + enc(SUMMARY_2013));
        assertEquals(2013, d.get("year").asInt());
        assertTrue(d.get("outline").size() > 1);
        long typed = 0;
        for (JsonNode c : d.get("types")) {
            typed += c.asLong();
        }
        assertEquals(d.get("passages").asLong(), typed);
        assertEquals(404, server.get("/api/documents/nothing.pdf").statusCode());
        HttpResponse<String> pdf = server.get("/api/documents/" + enc(SUMMARY_2013) + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void facetsListTheirMostFrequentValuesUpToFacetSizeAndTheValuesFilteredOn() throws Exception {
        JsonNode all = server.json("/api/search?q=migration&size=1&facet_size=100");
        JsonNode reports = all.get("facets").get("doc");
        assertEquals(7, reports.size());
        assertEquals(7, all.get("facet_values").get("doc").asInt());
        JsonNode few = server.json("/api/search?q=migration&size=1&facet_size=2");
        assertEquals(List.of(reports.get(0), reports.get(1)), List.copyOf(few.get("facets").get("doc").valueStream().toList()));
        assertEquals(7, few.get("facet_values").get("doc").asInt());
        assertEquals(all.get("facets").get("year"), few.get("facets").get("year"), "the year timeline is whole");
        JsonNode rarest = reports.get(6);
        JsonNode filtered = server.json("/api/search?q=migration&size=1&facet_size=2&doc="
                + enc(rarest.get("value").asText()));
        List<JsonNode> listed = filtered.get("facets").get("doc").valueStream().toList();
        assertEquals(3, listed.size());
        assertEquals(rarest, listed.get(2), "a report filtered on is listed with its count");
    }

    @Test
    void otherPagesOrdersAndGroupingsOfASearchAnswerAsIfComputedAlone() throws Exception {
        // a service that keeps answers also keeps each search's feedback words and facet counts for its other
        // pages, orders and groupings; one without computes every answer from the start
        try (IndexAccess access = IndexAccess.open(tmp.resolve("index"), 200)) {
            SearchService keeping = new SearchService(access, 5000, 8);
            SearchService computing = new SearchService(access, 5000, 0);
            SearchFilters findings = SearchFilters.of(Map.of("type", List.of("finding")));
            SearchRequest first = new SearchRequest("migration", findings, 5, SortOrder.RELEVANCE, null, false, true,
                    true, 100);
            String cursor = keeping.search(first).nextCursor();
            assertNotNull(cursor);
            List<SearchRequest> requests = List.of(
                    first,
                    new SearchRequest("migration", findings, 5, SortOrder.RELEVANCE, cursor, false, true, true, 100),
                    new SearchRequest("migration", findings, 5, SortOrder.YEAR_DESC, null, false, true, true, 100),
                    new SearchRequest("migration", findings, 5, SortOrder.RELEVANCE, null, true, true, true, 100),
                    new SearchRequest("migration", findings, 5, SortOrder.RELEVANCE, cursor, false, true, true, 3),
                    new SearchRequest("migration", findings, 5, SortOrder.RELEVANCE, null, false, false, true, 100),
                    new SearchRequest("migration", SearchFilters.of(Map.of("type", List.of("recommendation"))), 5,
                            SortOrder.RELEVANCE, null, false, true, true, 100),
                    new SearchRequest("migration", SearchFilters.of(Map.of()), 5, SortOrder.RELEVANCE, null, false,
                            true, true, 100),
                    new SearchRequest("recommendations on migration", SearchFilters.of(Map.of()), 5,
                            SortOrder.RELEVANCE, null, false, true, true, 100),
                    new SearchRequest("recommendations on migration", SearchFilters.of(Map.of()), 5,
                            SortOrder.RELEVANCE, null, false, true, false, 100));
            ObjectMapper json = SearchApp.json();
            for (SearchRequest req : requests) {
                assertEquals(json.writeValueAsString(computing.search(req).withTookMs(0)),
                        json.writeValueAsString(keeping.search(req).withTookMs(0)), req.toString());
            }
        }
    }

    @Test
    void aSearchAskedAgainOnTheSameCommitIsAnsweredFromTheCacheWithTheSameAnswer() throws Exception {
        String search = "/api/search?q=" + enc("employers organizations") + "&type=finding&size=4";
        JsonNode before = server.json("/api/health");
        ObjectNode first = (ObjectNode) server.json(search);
        ObjectNode again = (ObjectNode) server.json(search);
        ObjectNode otherPage = (ObjectNode) server.json(search + "&cursor=" + enc(first.get("next_cursor").asText()));
        JsonNode after = server.json("/api/health");
        assertEquals(before.get("cache_hits").asLong() + 1, after.get("cache_hits").asLong());
        assertEquals(before.get("cache_misses").asLong() + 2, after.get("cache_misses").asLong());
        first.remove("took_ms");
        again.remove("took_ms");
        assertEquals(first, again);
        assertNotEquals(first.get("hits"), otherPage.get("hits"));
    }

    @Test
    void suggestionsHealthAndOpenApi() throws Exception {
        JsonNode s = server.json("/api/suggest?q=migr");
        assertTrue(s.get("suggestions").size() > 0);
        for (JsonNode x : s.get("suggestions")) {
            assertTrue(x.get("text").asText().toLowerCase().contains("migr"), x.toString());
        }
        JsonNode h = server.json("/api/health");
        assertEquals(7, h.get("documents").asInt());
        assertTrue(h.get("passages").asInt() > 100);
        assertNotNull(h.get("last_indexed").asText());
        JsonNode api = server.json("/api/openapi.json");
        assertTrue(api.get("paths").has("/api/search"));
    }

    @Test
    void didYouMeanOffersAKnownSpelling() throws Exception {
        JsonNode r = server.json("/api/search?q=migratoin");
        assertEquals(0, r.get("total").asLong());
        assertEquals("migration", r.get("did_you_mean").asText());
    }

    @Test
    void answersCarrySecurityHeaders() throws Exception {
        HttpResponse<String> r = server.get("/api/health");
        assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""));
        assertTrue(r.headers().firstValue("content-security-policy").orElse("").contains("default-src 'self'"));
        assertTrue(r.headers().firstValue("access-control-allow-origin").isEmpty(), "no cross-origin reads");
    }

    private static Map<String, Long> counts(JsonNode facet) {
        Map<String, Long> m = new HashMap<>();
        facet.forEach(v -> m.put(v.get("value").asText(), v.get("count").asLong()));
        return m;
    }
}
