package org.evalsearch.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class TaggingDataTest {
    @Test
    void theTaxonomyReadAloneIsTheOneTheTaggerLoads() {
        // not defaultTaxonomy(): once another test has loaded the tagger's data, it returns that data's taxonomy
        Taxonomy alone = TaggingData.loadTaxonomy(null);
        assertFalse(alone.themes().isEmpty());
        assertEquals(TaggingData.load(null).taxonomy(), alone);
    }
}
