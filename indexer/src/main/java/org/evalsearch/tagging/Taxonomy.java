package org.evalsearch.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The theme taxonomy, read from a Markdown file: one {@code ## <id>} heading per theme followed by
 * {@code - label:}, {@code - scope:}, {@code - phrases:} and optional {@code - related:} lines; phrases are
 * double-quoted and separated by ";".
 */
public record Taxonomy(List<Theme> themes) {

    /**
     * @param phrases specific phrases: one is enough for the theme
     * @param related more general phrases: two different ones are needed
     */
    public record Theme(String id, String label, String scope, List<String> phrases, List<String> related) {}

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    public Taxonomy {
        themes = List.copyOf(themes);
    }

    public static Taxonomy parse(Reader source, String name) throws IOException {
        List<Theme> themes = new ArrayList<>();
        String id = null, label = null, scope = null;
        List<String> phrases = new ArrayList<>();
        List<String> related = new ArrayList<>();
        BufferedReader in = new BufferedReader(source);
        for (String line; (line = in.readLine()) != null; ) {
            String t = line.strip();
            if (t.startsWith("## ")) {
                if (id != null) {
                    themes.add(new Theme(id, label, scope, phrases, related));
                }
                id = t.substring(3).strip();
                label = scope = null;
                phrases = new ArrayList<>();
                related = new ArrayList<>();
            } else if (id != null && t.startsWith("- label:")) {
                label = t.substring("- label:".length()).strip();
            } else if (id != null && t.startsWith("- scope:")) {
                scope = t.substring("- scope:".length()).strip();
            } else if (id != null && t.startsWith("- phrases:")) {
                quoted(t, phrases);
            } else if (id != null && t.startsWith("- related:")) {
                quoted(t, related);
            }
        }
        if (id != null) {
            themes.add(new Theme(id, label, scope, phrases, related));
        }
        if (themes.isEmpty()) {
            throw new IllegalArgumentException(name + ": no themes found (expected '## <id>' headings)");
        }
        return new Taxonomy(themes);
    }

    private static void quoted(String line, List<String> into) {
        Matcher m = QUOTED.matcher(line);
        while (m.find()) {
            into.add(m.group(1).strip());
        }
    }
}
