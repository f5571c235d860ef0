package org.evalsearch.tagging;

import java.util.regex.Matcher;

/**
 * Finds a cue's matches in a text one after another, as {@link Matcher#find()} does. When every alternative of the
 * expression starts with a known letter, a match can only start where the folded text has one of those letters:
 * the expression is tried at those places only, instead of at every position of the text (where each alternative's
 * word boundary and first letter were checked again and again). It is tried there with the text around visible, so
 * boundaries and look-behinds see what they would see.
 */
final class CueMatcher {
    private final Matcher matcher;
    private final String folded;
    /** The folded characters a match can start with; null: every position is tried. */
    private final String firsts;
    private int next;

    CueMatcher(Matcher matcher, String folded, String firsts) {
        this.matcher = matcher;
        this.folded = folded;
        this.firsts = firsts;
        if (firsts != null) {
            matcher.useTransparentBounds(true).useAnchoringBounds(false);
        }
    }

    boolean find() {
        if (firsts == null) {
            return matcher.find();
        }
        int length = folded.length();
        for (int p = next; p < length; p++) {
            if (firsts.indexOf(folded.charAt(p)) >= 0) {
                matcher.region(p, length);
                if (matcher.lookingAt()) {
                    next = matcher.end() > p ? matcher.end() : p + 1;
                    return true;
                }
            }
        }
        next = length;
        return false;
    }

    int start() {
        return matcher.start();
    }

    int end() {
        return matcher.end();
    }
}
