package org.evalsearch.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of each passage as it reads in the report: where a section starts, its heading precedes its first
 * paragraph. {@link Passage#text} keeps the paragraph alone, so that tagging cues ("Recommendation 3:", a bold
 * lead) are seen where they stand; the indexed and exported text carries the headings, so that a reader of
 * consecutive passages, or a quote that spans a heading and its first sentence, finds the report's own wording.
 * A list item keeps its number first, and a footnote is not the start of a section, so neither takes headings.
 */
public final class OpenedHeadings {
    private OpenedHeadings() {}

    /** The display text of every passage, in the same order. */
    public static List<String> texts(List<Passage> passages) {
        List<String> out = new ArrayList<>(passages.size());
        List<String> current = List.of();
        for (Passage p : passages) {
            if (p.kind() == Passage.Kind.FOOTNOTE) {
                out.add(p.text());
                continue;
            }
            List<String> opened = opened(current, p.section());
            current = p.section();
            boolean takesHeadings = p.kind() == Passage.Kind.PARAGRAPH || p.kind() == Passage.Kind.TABLE;
            out.add(opened.isEmpty() || !takesHeadings ? p.text() : String.join(" ", opened) + "\n" + p.text());
        }
        return out;
    }

    private static List<String> opened(List<String> before, List<String> now) {
        int shared = 0;
        while (shared < Math.min(before.size(), now.size()) && before.get(shared).equals(now.get(shared))) {
            shared++;
        }
        return now.subList(shared, now.size());
    }
}
