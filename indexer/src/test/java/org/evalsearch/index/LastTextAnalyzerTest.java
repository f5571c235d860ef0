package org.evalsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/** Tokens given again for a repeated text are the tokens the analysis gives, attribute by attribute. */
class LastTextAnalyzerTest {
    private static final List<String> TEXTS = List.of(
            "High-level independent evaluation of ILO’s strategy and action for promoting fair and effective labour "
                    + "migration policies, 2016–20",
            "3. Findings > 3.1 Relevance > Workers' organizations' views",
            "", "  ", "Executive summary", "Café, naïve coöperation: labor & labour ... 12.5% (ITC-ILO)");

    @Test
    void repeatedAndChangingTextsGiveTheSameTokens() throws IOException {
        Analyzer plain = Analyzers.english();
        Analyzer remembering = new LastTextAnalyzer(Analyzers.english());
        Random random = new Random(5);
        int repeats = 0;
        String previous = null;
        for (int i = 0; i < 2_000; i++) {
            String text = random.nextInt(3) > 0 && previous != null ? previous : TEXTS.get(random.nextInt(TEXTS.size()));
            repeats += text.equals(previous) ? 1 : 0;
            String field = random.nextBoolean() ? Schema.TITLE : Schema.SECTION;
            assertEquals(tokens(plain, field, text), tokens(remembering, field, text), text);
            previous = text;
        }
        assertEquals(true, repeats > 1_000, "repeats " + repeats);
    }

    /** Every token's attributes as indexing reads them, and the final offset and position increment. */
    private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            TermFrequencyAttribute frequency = ts.addAttribute(TermFrequencyAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " +" + increment.getPositionIncrement() + " len" + length.getPositionLength() + " "
                        + offset.startOffset() + "-" + offset.endOffset() + " " + type.type() + " tf"
                        + frequency.getTermFrequency());
            }
            ts.end();
            out.add("end " + offset.startOffset() + "-" + offset.endOffset() + " +" + increment.getPositionIncrement());
        }
        return out;
    }
}
