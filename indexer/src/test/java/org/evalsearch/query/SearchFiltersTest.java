package org.evalsearch.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
}
