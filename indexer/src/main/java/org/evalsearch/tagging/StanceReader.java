package org.evalsearch.tagging;

/**
 * The stance a management response takes on a recommendation, from its wording: "does not agree" (not_agreed),
 * "generally agrees" or "notes the recommendation" (partially_agreed), "agrees" or "will act on" (agreed).
 */
final class StanceReader {
    static final String UNKNOWN = "unknown";

    private final CueBook cues;

    StanceReader(CueBook cues) {
        this.cues = cues;
    }

    /** The stance the text states, or null when it states none. */
    String stance(String text) {
        return cues.first("stance", text == null ? "" : text).map(CueBook.Cue::value).orElse(null);
    }
}
