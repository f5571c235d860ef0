package org.evalsearch.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Cue phrases read from a plain text file: "[section]" lines, then "regex =&gt; value[, value]" lines (or a bare
 * regex where a section needs no value). Matching is case-insensitive. The file format is described in
 * {@code evalsearch/cues.txt}.
 */
public final class CueBook {

    /** One cue: a pattern and the values it stands for. */
    public record Cue(CuePattern pattern, List<String> values) {
        public String value() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** A cue found in a text, with where it starts (for "first named wins" rules). */
    public record Hit(Cue cue, int start) {}

    private final Map<String, List<Cue>> sections;

    private CueBook(Map<String, List<Cue>> sections) {
        this.sections = sections;
    }

    public static CueBook parse(Reader source, String name) throws IOException {
        Map<String, List<Cue>> sections = new LinkedHashMap<>();
        List<Cue> current = null;
        BufferedReader in = new BufferedReader(source);
        int lineNo = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("[") && t.endsWith("]")) {
                current = sections.computeIfAbsent(t.substring(1, t.length() - 1).strip(), k -> new ArrayList<>());
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": cue outside a [section]");
            }
            int arrow = t.lastIndexOf("=>");
            String regex = (arrow < 0 ? t : t.substring(0, arrow)).strip();
            List<String> values = arrow < 0 ? List.of()
                    : Arrays.stream(t.substring(arrow + 2).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            try {
                current.add(new Cue(new CuePattern(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)),
                        values));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": bad regular expression: " + e.getDescription());
            }
        }
        return new CueBook(sections);
    }

    public List<Cue> section(String name) {
        return sections.getOrDefault(name, List.of());
    }

    /** The first cue of the section (in file order) that matches anywhere in the text. */
    public Optional<Cue> first(String section, String text) {
        return first(section, CueText.of(text));
    }

    Optional<Cue> first(String section, CueText text) {
        for (Cue c : section(section)) {
            CueMatcher m = c.pattern().matcher(text.text(), text.folded());
            if (m != null && m.find()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every cue of the section that matches, with its first position in the text. */
    public List<Hit> hits(String section, String text) {
        return hits(section, CueText.of(text));
    }

    List<Hit> hits(String section, CueText text) {
        List<Hit> out = new ArrayList<>();
        for (Cue c : section(section)) {
            CueMatcher m = c.pattern().matcher(text.text(), text.folded());
            if (m != null && m.find()) {
                out.add(new Hit(c, m.start()));
            }
        }
        return out;
    }

    /** How often each cue of the section matches, summed per value. */
    public Map<String, Integer> counts(String section, String text) {
        return counts(section, CueText.of(text));
    }

    Map<String, Integer> counts(String section, CueText text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Cue c : section(section)) {
            CueMatcher m = c.pattern().matcher(text.text(), text.folded());
            int n = 0;
            while (m != null && m.find()) {
                n++;
            }
            if (n > 0) {
                for (String v : c.values()) {
                    out.merge(v, n, Integer::sum);
                }
            }
        }
        return out;
    }

    public boolean any(String section, String text) {
        return first(section, text).isPresent();
    }
}
