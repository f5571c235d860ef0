package org.evalsearch.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalsearch.structure.Passage;

/**
 * Section headings as the tagger reads them: numbering ("4.1.3", "IV.", "▶ 3.") split from the words, and the
 * section path completed with numbered ancestors ("4. Main Findings" above "4.1.3 ...") when the structure step
 * gave a shorter path, so a chapter's label reaches every subsection.
 */
final class Headings {
    private static final Pattern LEADING_DECORATION = Pattern.compile("^[\\W_]+");
    private static final Pattern NUMBER = Pattern.compile(
            "^[\\W_&&[^(]]*((?:\\d{1,2}(?:\\.\\d{1,2}){0,4})|[IVX]{1,5}|[A-H])[.):]?\\s+(?=\\S)");
    private static final Pattern RECOMMENDATION_LABEL = Pattern.compile(
            "^\\W{0,3}(?:[\\p{L}\\d]{1,3}\\s+)?(?:response\\s+to\\s+)?recommendations?\\s*(?:no\\.?\\s*)?"
                    + "(\\d{1,2}(?:\\.\\d{1,2})?(?:\\s?\\([ivx]{1,4}\\)|[a-h](?![\\p{L}]))?|[IVX]{1,5}(?![\\p{L}]))",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, String> numbered = new HashMap<>();

    private Headings() {}

    static Headings tracker() {
        return new Headings();
    }

    /** The heading's words without its numbering and decoration. */
    static String words(String heading) {
        Matcher m = NUMBER.matcher(heading);
        String s = m.find() && Character.isDigit(m.group(1).charAt(0)) ? heading.substring(m.end()) : heading;
        return LEADING_DECORATION.matcher(s).replaceAll("").strip();
    }

    /** The decimal numbering of a heading ("4.1.3"), or null. */
    static String decimalNumber(String heading) {
        Matcher m = NUMBER.matcher(heading);
        return m.find() && Character.isDigit(m.group(1).charAt(0)) ? m.group(1) : null;
    }

    /** The number of a "Recommendation 3" label at the start of a text, or null. */
    static String recommendationNumber(String text) {
        Matcher m = RECOMMENDATION_LABEL.matcher(text);
        return m.find() ? m.group(1).replaceAll("\\s+", "") : null;
    }

    /** The passage's section path, completed with the numbered ancestors seen earlier in the document. */
    List<String> path(Passage p) {
        List<String> section = p.section();
        for (String h : section) {
            String n = decimalNumber(h);
            if (n != null) {
                numbered.put(n, h);
            }
        }
        String innermostNumber = null;
        for (int i = section.size() - 1; i >= 0 && innermostNumber == null; i--) {
            innermostNumber = decimalNumber(section.get(i));
        }
        if (innermostNumber == null || !innermostNumber.contains(".")) {
            return section;
        }
        List<String> present = new ArrayList<>();
        for (String h : section) {
            String n = decimalNumber(h);
            if (n != null) {
                present.add(n);
            }
        }
        List<String> missing = new ArrayList<>();
        String n = innermostNumber;
        while (n.contains(".")) {
            n = n.substring(0, n.lastIndexOf('.'));
            if (!present.contains(n) && numbered.containsKey(n)) {
                missing.add(0, numbered.get(n));
            }
        }
        if (missing.isEmpty()) {
            return section;
        }
        List<String> out = new ArrayList<>(missing);
        out.addAll(section);
        return out;
    }
}
