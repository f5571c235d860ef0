package org.evalsearch.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.evalsearch.extract.PdfExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled 2008 summary's text layer turned its note numbers into symbols on the baseline (' > * ® ° ...), in
 * the text and at the start of the notes.
 */
class GarbledNoteMarkersTest {
    private static List<Passage> passages;

    @BeforeAll
    static void build() throws IOException {
        passages = new PassageBuilder().build(new PdfExtractor().extract(
                Path.of("..", "corpus", "2008-protection-of-migrant-workers-2001-07-gb-summary.pdf")));
    }

    @Test
    void markersAreTakenOutOfTheText() {
        assertTrue(find("The purpose of the evaluation").text().contains("2001-07. The purpose"));
        assertTrue(find("persecution.").text().contains("persecution. The ILO’s focus"));
        assertTrue(find("five ILO regional offices,").text().contains("five ILO regional offices, only eight"));
        assertTrue(find("the spirit of the ILC 2004").text().contains("the spirit of the ILC 2004 resolution"));
        for (Passage p : passages) {
            if (p.kind() != Passage.Kind.FOOTNOTE) {
                assertFalse(p.text().matches("(?s).*\\s[*®¥°'\"’>]{1,3}(\\s.*|$)"), "stray marker in " + p.text());
            }
        }
    }

    @Test
    void eachNoteIsItsOwnPassage() {
        Passage tripartite = find("Tripartite Meeting of Experts: 31 October");
        assertEquals(Passage.Kind.FOOTNOTE, tripartite.kind());
        assertTrue(tripartite.text().endsWith("(GB.295/13, para. 49)."), tripartite.text());
        Passage framework = find("ILO, 2006, ILO’s Multilateral Framework on Labour Migration: Non-binding");
        assertEquals(Passage.Kind.FOOTNOTE, framework.kind());
    }

    private static Passage find(String text) {
        return passages.stream().filter(p -> p.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage contains " + text));
    }
}
