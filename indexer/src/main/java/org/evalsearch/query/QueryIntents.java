package org.evalsearch.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalsearch.config.DataFiles;
import org.evalsearch.index.Schema;

/**
 * Understands intent words in a plain query: "recommendations on statistics" is the topic "statistics" with
 * type=recommendation preferred; "fair recruitment sustainability" keeps its words and prefers
 * criterion=sustainability. Phrases come from an editable data file (bundled default; the environment variable
 * {@value #ENV} points at a user's own). Queries using Lucene syntax (quotes, fields, operators) are left alone:
 * their author said exactly what they want.
 */
public final class QueryIntents {
    public static final String ENV = "EVALSEARCH_QUERY_INTENTS";
    private static final String FILE = "query-intents.txt";
    private static final Pattern SYNTAX = Pattern.compile("[\"():\\[\\]{}^~*?\\\\+]|(^|\\s)[-!]|\\b(AND|OR|NOT)\\b|&&|\\|\\|");
    /** Connecting words left at either end of the topic once the intent words are gone. */
    private static final Pattern CONNECTORS = Pattern.compile(
            "(?i)^(?:(?:on|about|regarding|concerning|for|of|in|to|the|with regard to|related to|relating to|was|were|made|by|and|at|from)\\s+)+"
                    + "|(?:\\s+(?:on|about|regarding|concerning|for|of|in|to|the|and|made|was|were))+$");

    /** What the query asks for besides its topic. */
    public record Intent(String topic, Map<String, String> preferred, List<String> intentWords) {
        public Intent {
            preferred = Map.copyOf(preferred);
            intentWords = List.copyOf(intentWords);
        }
    }

    /** @param dim null for question frames, which are removed without implying a facet */
    private record Rule(String dim, String value, String phrase, Pattern pattern) {
        boolean keepsWords() {
            return Schema.CRITERION.equals(dim);
        }
    }

    private static volatile QueryIntents defaults;
    private final List<Rule> rules;

    private QueryIntents(List<Rule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparingInt((Rule r) -> r.phrase().length()).reversed()).toList();
    }

    public static QueryIntents defaults() {
        if (defaults == null) {
            synchronized (QueryIntents.class) {
                if (defaults == null) {
                    defaults = load();
                }
            }
        }
        return defaults;
    }

    public Intent detect(String query) {
        String topic = query.trim().replaceAll("\\s+", " ");
        if (SYNTAX.matcher(topic).find()) {
            return new Intent(topic, Map.of(), List.of());
        }
        Map<String, String> preferred = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(topic);
            if (!m.find() || (rule.dim() != null && preferred.containsKey(rule.dim())
                    && !preferred.get(rule.dim()).equals(rule.value()))) {
                continue;
            }
            words.add(m.group());
            if (rule.dim() != null) {
                preferred.put(rule.dim(), rule.value());
            }
            if (!rule.keepsWords()) {
                topic = m.replaceAll(" ").trim().replaceAll("\\s+", " ");
            }
        }
        topic = CONNECTORS.matcher(topic).replaceAll("").trim();
        return new Intent(topic, preferred, words);
    }

    private static QueryIntents load() {
        Path user = DataFiles.userFile(null, ENV);
        try (InputStream in = DataFiles.open(user, FILE)) {
            return parse(in, DataFiles.source(user, FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read query intents " + DataFiles.source(user, FILE), e);
        }
    }

    static QueryIntents parse(InputStream in, String source) throws IOException {
        List<Rule> rules = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String s = line.replaceFirst("#.*", "").trim();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(source + " line " + n + ": expected 'facet=value: phrase | phrase'");
            }
            String head = s.substring(0, colon).trim();
            String dim = null, value = null;
            if (!head.equals("none")) {
                String[] dv = head.split("=", 2);
                if (dv.length != 2 || !Schema.FACETS.contains(dv[0].trim())) {
                    throw new IllegalArgumentException(source + " line " + n + ": unknown facet in '" + head + "'");
                }
                dim = dv[0].trim();
                value = dv[1].trim();
            }
            for (String phrase : s.substring(colon + 1).split("\\|")) {
                String p = phrase.trim();
                if (!p.isEmpty()) {
                    String regex = "(?i)(?<![\\p{L}\\p{N}-])" + Pattern.quote(p).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}\\p{N}-])";
                    rules.add(new Rule(dim, value, p, Pattern.compile(regex)));
                }
            }
        }
        return new QueryIntents(rules);
    }
}
