package org.evalsearch.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class TaggingDataTest {
    @Test
    void theTaxonomyReadAloneIsTheOneTheTaggerLoads() {
        Taxonomy alone = TaggingData.defaultTaxonomy();
        assertFalse(alone.themes().isEmpty());
        assertEquals(TaggingData.load(null).taxonomy(), alone);
    }
}
