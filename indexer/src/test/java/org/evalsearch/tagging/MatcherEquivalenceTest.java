package org.evalsearch.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.evalsearch.index.Analyzers;
import org.junit.jupiter.api.Test;

/**
 * The theme matcher and the gazetteer find exactly what the plain (slow) formulations of their rules find: a
 * Lucene phrase query per theme phrase over a MemoryIndex of the text, and one regular expression of all place
 * names. Random texts made of the bundled taxonomy's and gazetteer's own words.
 */
class MatcherEquivalenceTest {

    @Test
    void themesAreThoseOfAPhraseQueryPerPhrase() throws IOException {
        Taxonomy taxonomy = Taxonomy.parse(bundled(TaggingData.THEMES), TaggingData.THEMES);
        ThemeMatcher matcher = new ThemeMatcher(taxonomy);
        Analyzer analyzer = Analyzers.english();
        QueryBuilder builder = new QueryBuilder(analyzer);
        Pattern acronym = Pattern.compile("[\\p{Lu}\\d&/-]{2,}");
        List<String> phrases = taxonomy.themes().stream()
                .flatMap(t -> Stream.concat(t.phrases().stream(), t.related().stream())).toList();
        RandomTexts texts = new RandomTexts(7, phrases);
        int tagged = 0;
        for (int i = 0; i < 600; i++) {
            String text = texts.next();
            MemoryIndex index = new MemoryIndex();
            index.addField("text", text, analyzer);
            List<String> expected = new ArrayList<>();
            for (Taxonomy.Theme t : taxonomy.themes()) {
                int weight = 0;
                for (String p : Stream.concat(t.phrases().stream(), t.related().stream()).toList()) {
                    boolean hit;
                    if (acronym.matcher(p).matches()) {
                        hit = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(p) + "(?![\\p{L}\\d])").matcher(text).find();
                    } else {
                        Query q = builder.createPhraseQuery("text", p);
                        hit = q != null && index.search(q) > 0f;
                    }
                    weight += hit ? (t.phrases().contains(p) ? ThemeMatcher.NEEDED : 1) : 0;
                }
                if (!text.isBlank() && weight >= ThemeMatcher.needed(text)) {
                    expected.add(t.id());
                }
            }
            List<String> actual = matcher.score(text).stream().map(ThemeMatcher.ThemeScore::theme).toList();
            assertEquals(expected, actual, text);
            tagged += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(tagged > 100, "the texts do name themes (" + tagged + ")");
    }

    @Test
    void placesAreThoseOfOneRegularExpressionOfAllNames() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var in = new java.io.BufferedReader(bundled(TaggingData.GAZETTEER))) {
            in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> rows.add(l.split("\t")));
        }
        Gazetteer gazetteer;
        try (Reader in = bundled(TaggingData.GAZETTEER)) {
            gazetteer = Gazetteer.parse(in, TaggingData.GAZETTEER);
        }
        java.util.Map<String, String[]> byName = new java.util.HashMap<>();
        for (String[] r : rows) {
            for (String n : r[2].split(";")) {
                if (!n.isBlank()) {
                    byName.put(n.strip(), r);
                }
            }
        }
        List<String> names = new ArrayList<>(byName.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        Pattern all = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", names.stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}\\p{N}])");
        RandomTexts texts = new RandomTexts(11, names);
        int found = 0;
        for (int i = 0; i < 3000; i++) {
            String text = texts.next();
            Set<String> countries = new TreeSet<>();
            Set<String> regions = new TreeSet<>();
            Matcher m = all.matcher(text.replace('\u2019', '\''));
            while (m.find()) {
                String[] r = byName.get(m.group());
                if (!r[0].strip().equals("-")) {
                    countries.add(r[0].strip());
                }
                regions.add(r[1].strip());
            }
            Gazetteer.Places places = gazetteer.find(text);
            assertEquals(List.copyOf(countries), places.countries(), text);
            assertEquals(List.copyOf(regions), places.regions(), text);
            found += regions.isEmpty() ? 0 : 1;
        }
        assertTrue(found > 500, "the texts do name places (" + found + ")");
    }

    private static Reader bundled(String file) {
        return new InputStreamReader(Objects.requireNonNull(
                MatcherEquivalenceTest.class.getResourceAsStream("/evalsearch/" + file)), StandardCharsets.UTF_8);
    }
}
