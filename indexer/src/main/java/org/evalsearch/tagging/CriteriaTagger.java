package org.evalsearch.tagging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OECD/DAC evaluation criteria of a passage: from the innermost section heading that names one ("3.1 Relevance",
 * "Efficiency of resource use") and from the passage's own words (a strong cue such as "sustainability", or two
 * soft cues such as "budget" and "staffing", more in a long passage). Multi-label.
 */
final class CriteriaTagger {
    static final List<String> CRITERIA = List.of(
            "relevance", "coherence", "effectiveness", "efficiency", "impact", "sustainability");
    private static final int SOFT_HITS_NEEDED = 2;
    private static final Set<String> EVALUATIVE = Set.of(
            "finding", "conclusion", "recommendation", "lesson_learned", "good_practice");

    private final CueBook cues;

    CriteriaTagger(CueBook cues) {
        this.cues = cues;
    }

    /**
     * @param type the passage's type: an evaluative passage (finding, conclusion, recommendation, lesson, good
     *             practice) that names no criterion is about effectiveness, the default lens of an assessment
     */
    List<String> criteria(String type, List<String> headings, CueText text) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = headings.size() - 1; i >= 0; i--) {
            Optional<CueBook.Cue> c = cues.first("criterion.heading", Headings.words(headings.get(i)));
            if (c.isPresent()) {
                found.addAll(c.get().values());
                break;
            }
        }
        found.addAll(cues.counts("criterion.strong", text).keySet());
        for (Map.Entry<String, Integer> e : cues.counts("criterion.soft", text).entrySet()) {
            if (e.getValue() >= SOFT_HITS_NEEDED + text.text().length() / ThemeMatcher.LONG_TEXT) {
                found.add(e.getKey());
            }
        }
        if (found.isEmpty() && EVALUATIVE.contains(type)) {
            found.add("effectiveness");
        }
        return CRITERIA.stream().filter(found::contains).toList();
    }
}
