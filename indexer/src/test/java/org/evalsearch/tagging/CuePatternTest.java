package org.evalsearch.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CuePatternTest {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    @Test
    void readsTheWordEachAlternativeMustContain() {
        assertEquals("priorit", CuePattern.requiredWord("\\bpriorit(y|ies)\\b"));
        assertEquals("effective", CuePattern.requiredWord("\\bcost[- ]effective\\b"));
        assertEquals("recommend", CuePattern.requiredWord("\\b(the\\s+)?(evaluation|we)\\s+recommends?\\b(?!ed)"));
        assertEquals("ownershi", CuePattern.requiredWord("\\bownership?\\b"), "an optional letter is not required");
        assertEquals("lesson", CuePattern.requiredWord("^lessons*\\b"));
        assertNull(CuePattern.requiredWord("^((overall|the)\\s+)?(relevance|coherence)\\b"), "only inside groups");
        assertNull(CuePattern.requiredWord("\\p{L}+ment"), "unusual escapes are not read");
        assertEquals(List.of("a", "[|]", "(b|c)d"), CuePattern.topLevelAlternatives("a|[|]|(b|c)d"));
        assertNull(CuePattern.topLevelAlternatives("(?i)a|b"), "inline flags reach across alternatives");
        assertNull(CuePattern.topLevelAlternatives("(?<x>a)|\\k<x>"));
        assertEquals('p', CuePattern.firstChar("\\bPriorit(y|ies)\\b"));
        assertEquals('k', CuePattern.firstChar("Kelvin"));
        assertEquals(0, CuePattern.firstChar("\\b(the\\s+)?evaluation"), "a group can start anywhere");
        assertEquals(0, CuePattern.firstChar("s?ome"), "an optional first letter is not the first");
        assertEquals(0, CuePattern.firstChar("^the"));
        assertEquals(0, CuePattern.firstChar(""));
    }

    @Test
    void findsExactlyWhatTheWholeExpressionFinds() throws IOException {
        List<Pattern> patterns = new ArrayList<>(bundledCues());
        for (String extra : List.of("ab?c|x+y|\\bcosts?\\b", "colou?r|(?:x)?grey|gr[ae]y", "a|b|c|d|e", "kelvin|ship",
                "\\bks\\b|\\bsi\\w*|\\b2013\\b|(?<=\\s)of\\b|ing$|^the\\b|s\\b")) {
            patterns.add(Pattern.compile(extra, FLAGS));
        }
        List<String> sources = patterns.stream().map(Pattern::pattern).toList();
        RandomTexts texts = new RandomTexts(42, sources);
        List<CuePattern> cues = patterns.stream().map(CuePattern::new).toList();
        int matched = 0;
        for (int i = 0; i < 1500; i++) {
            String text = texts.next();
            String folded = CuePattern.fold(text);
            for (CuePattern cue : cues) {
                List<Integer> expected = matches(cue.pattern().matcher(text));
                CueMatcher m = cue.matcher(text, folded);
                List<Integer> actual = new ArrayList<>();
                while (m != null && m.find()) {
                    actual.add(m.start());
                    actual.add(m.end());
                }
                assertEquals(expected, actual, () -> cue.pattern().pattern() + " on: " + text);
                matched += expected.isEmpty() ? 0 : 1;
            }
        }
        assertEquals(true, matched > 1500, "the texts do contain cues (" + matched + ")");
    }

    /** Start and end of every match, or none for a null matcher. */
    private static List<Integer> matches(Matcher m) {
        List<Integer> out = new ArrayList<>();
        while (m != null && m.find()) {
            out.add(m.start());
            out.add(m.end());
        }
        return out;
    }

    private static List<Pattern> bundledCues() throws IOException {
        List<Pattern> out = new ArrayList<>();
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                CuePatternTest.class.getResourceAsStream("/evalsearch/" + TaggingData.CUES)), StandardCharsets.UTF_8)) {
            CueBook book = CueBook.parse(in, TaggingData.CUES);
            for (String section : List.of("heading", "heading.weak", "announce", "announce.not", "passage.weak",
                    "passage", "stance", "criterion.heading", "criterion.strong", "criterion.soft")) {
                book.section(section).forEach(c -> out.add(c.pattern().pattern()));
            }
        }
        return out;
    }
}
