package org.evalsearch.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.evalsearch.index.Analyzers;
import org.junit.jupiter.api.Test;

class SpellingVariantsTest {

    private static List<String> terms(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("text", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(t.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void britishAndAmericanSpellingsIndexAlike() throws IOException {
        Analyzer english = Analyzers.english();
        assertEquals(terms(english, "labor organizations program analyzed centers"),
                terms(english, "labour organisations programme analysed centres"));
    }

    @Test
    void wordsThatOnlyLookLikeAVariantStayAsTheyAre() {
        SpellingVariants v = SpellingVariants.defaults();
        assertEquals(null, v.normalise("specialist"));
        assertEquals(null, v.normalise("laboratory"));
        assertEquals(null, v.normalise("promise"));
        assertEquals("laborers", v.normalise("labourers"));
        assertEquals("centered", v.normalise("centred"));
    }
}
