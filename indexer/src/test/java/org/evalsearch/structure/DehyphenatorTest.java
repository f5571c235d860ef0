package org.evalsearch.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DehyphenatorTest {
    private final Dehyphenator dehyphenator = new Dehyphenator(List.of(
            "the cutting edge of a cross-cutting issue and its follow-up",
            "the government has to follow up on the information",
            "sub-regional offices and the up side"));

    @Test
    void brokenWordsAreJoined() {
        assertEquals("the government", dehyphenator.join("the govern-", "ment"));
        assertEquals("development", dehyphenator.join("develop-", "ment"));
        assertEquals("the information", dehyphenator.join("the infor-", "mation"));
    }

    @Test
    void realCompoundsKeepTheirHyphen() {
        assertEquals("a cross-cutting", dehyphenator.join("a cross-", "cutting"));
        assertEquals("follow-up", dehyphenator.join("follow-", "up"));
        assertEquals("Sub-regional", dehyphenator.join("Sub-", "regional"));
        assertEquals("cutting-edge", dehyphenator.join("cutting-", "edge"));
    }

    @Test
    void hyphenBeforeCapitalOrNumberIsKept() {
        assertEquals("non-UN", dehyphenator.join("non-", "UN"));
        assertEquals("2006-2009", dehyphenator.join("2006-", "2009"));
    }
}
