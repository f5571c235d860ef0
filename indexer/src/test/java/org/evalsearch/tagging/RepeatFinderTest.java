package org.evalsearch.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.structure.Passage;
import org.junit.jupiter.api.Test;

class RepeatFinderTest {
    private static final String FINDING =
            "The ILO has a large and cross-cutting portfolio of work on labour migration as well as considerable "
                    + "expertise in this area, and work on labour migration is not a new development within the ILO.";

    private static List<PassageRecord> doc(String name, List<String> sections, List<String> texts) {
        ReportMeta meta = new ReportMeta(name, name, 2013, "eval", "t", "en", "g", 1, 1, "h");
        List<PassageRecord> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Passage p = new Passage(i, 1, null, List.of(sections.get(i)), Passage.Kind.PARAGRAPH, texts.get(i), null, List.of(), false);
            out.add(PassageRecord.of(meta, TaggedPassage.untagged(p)));
        }
        return out;
    }

    @Test
    void summariesRepeatTheFullReportWhichIsTheOriginal() {
        List<PassageRecord> all = new ArrayList<>();
        all.addAll(doc("summary.pdf", List.of("Main findings", "Main findings"), List.of(
                "The evaluation identified a large and cross-cutting portfolio of work on labour migration as well as "
                        + "considerable expertise in this area, and work on labour migration is not a new development within the ILO.",
                "Something else entirely that appears only in the summary document and nowhere in the full report.")));
        all.addAll(doc("full.pdf", List.of("Executive summary", "Background", "Background", "5.1 Main findings"), List.of(
                FINDING,
                "Labour migration has grown in importance for the Organization over two decades of global change.",
                "The Governing Body asked for an independent evaluation of the Office's work in November 2012.",
                FINDING)));
        Map<String, String> r = RepeatFinder.find(all);
        assertNull(r.get("full.pdf#3"), "the body of the full report is the original");
        assertEquals("full.pdf#3", r.get("full.pdf#0"), "the executive summary repeats the body");
        assertEquals("full.pdf#3", r.get("summary.pdf#0"), "the summary document repeats it too, despite rewording");
        assertNull(r.get("summary.pdf#1"));
        assertNull(r.get("full.pdf#1"));
        assertEquals(all.size(), r.size());
    }
}
