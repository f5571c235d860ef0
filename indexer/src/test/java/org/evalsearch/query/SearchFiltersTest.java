package org.evalsearch.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.evalsearch.index.Schema;
import org.junit.jupiter.api.Test;

class SearchFiltersTest {

    @Test
    void keepsOnlyFilterNamesAndDropsBlankAndRepeatedValues() {
        SearchFilters f = SearchFilters.of(Map.of(
                "type", List.of("recommendation", "recommendation", " "),
                "q", List.of("ignored")));
        assertEquals(Map.of("type", List.of("recommendation")), f.values());
        assertTrue(f.without("type").isEmpty());
    }

    @Test
    void readsSingleYearsAndRanges() {
        assertArrayEquals(new int[] {2013, 2013}, SearchFilters.yearRange("2013"));
        assertArrayEquals(new int[] {2010, 2015}, SearchFilters.yearRange("2010-2015"));
    }

    @Test
    void refusesMalformedYearsAndUnknownNames() {
        assertThrows(InvalidQueryException.class, () -> SearchFilters.of(Map.of("year", List.of("20x3"))));
        assertThrows(InvalidQueryException.class, () -> SearchFilters.of(Map.of("year", List.of("2015-2010"))));
        assertThrows(InvalidQueryException.class, () -> SearchFilters.ofSingle(Map.of("colour", "red")));
    }

    @Test
    void orsTheValuesOfOneFilter() throws IOException {
        FacetsConfig config = Schema.facetsConfig();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                for (String lang : List.of("en", "fr", "es", "en")) {
                    Document d = new Document();
                    d.add(new SortedSetDocValuesFacetField(Schema.LANGUAGE, lang));
                    w.addDocument(config.build(d));
                }
            }
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                IndexSearcher s = new IndexSearcher(r);
                SearchFilters frOrEs = SearchFilters.of(Map.of("language", List.of("fr", "es")));
                assertEquals(2, s.count(frOrEs.drillDown(MatchAllDocsQuery.INSTANCE, config)));
                SearchFilters en = SearchFilters.of(Map.of("language", List.of("en")));
                assertEquals(2, s.count(en.drillDown(MatchAllDocsQuery.INSTANCE, config)));
            }
        }
    }
}
