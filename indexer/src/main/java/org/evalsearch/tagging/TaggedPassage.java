package org.evalsearch.tagging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evalsearch.structure.Passage;

/**
 * A passage with what the tagger found about it.
 *
 * @param type        one of {@link #TYPES}
 * @param number      the recommendation's or response's number as the report gives it ("3", "4(ii)"), or null
 * @param respondsTo  for a management response: the passage id of the recommendation it answers
 * @param responses   for a recommendation: the passage ids of the management responses to it
 * @param stance      for a management response (and shown on its recommendation): agreed, partially_agreed, not_agreed, unknown
 * @param repeats     the id of an earlier passage of the same evaluation that this one nearly repeats, or null
 * @param details     recommendation details when the report gives them: responsible, priority, time, resources
 */
public record TaggedPassage(
        Passage passage,
        String type,
        String number,
        String respondsTo,
        List<String> responses,
        String stance,
        String repeats,
        List<String> themes,
        List<String> criteria,
        List<String> countries,
        List<String> regions,
        Map<String, String> details) {

    public static final List<String> TYPES = List.of(
            "recommendation", "finding", "conclusion", "lesson_learned", "good_practice", "management_response", "other");

    public TaggedPassage {
        responses = List.copyOf(responses);
        themes = List.copyOf(themes);
        criteria = List.copyOf(criteria);
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
        // in the order read (responsible, priority, time, resources): Map.copyOf's order changes from run to run
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static TaggedPassage untagged(Passage p) {
        return new TaggedPassage(p, "other", null, null, List.of(), null, null, List.of(), List.of(), List.of(), List.of(), Map.of());
    }

    public String priority() {
        return details.get("priority");
    }
}
