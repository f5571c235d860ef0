package org.evalsearch.tagging;

/**
 * A text with its case-folded form ({@link CuePattern#fold}), which cue matching reads to leave out the cues that
 * cannot match: a passage is matched against several cue sections, and is folded once for all of them.
 */
record CueText(String text, String folded) {
    static CueText of(String text) {
        return new CueText(text, CuePattern.fold(text));
    }

    /**
     * The text without leading and trailing white space. Folding maps white space to itself and nothing else to
     * white space, so the folded form is stripped at the same places.
     */
    CueText strip() {
        String stripped = text.strip();
        if (stripped.length() == text.length()) {
            return this;
        }
        int from = text.indexOf(stripped);
        return new CueText(stripped, folded.substring(from, from + stripped.length()));
    }
}
