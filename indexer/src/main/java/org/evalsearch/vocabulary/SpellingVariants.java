package org.evalsearch.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.evalsearch.config.DataFiles;

/**
 * British and American spellings of the same word, normalised to one form at index and query time so that
 * "labor" finds "labour". Each line of the data file is {@code british american}; the pair is a word prefix,
 * so "labour labor" also maps labourers, labour-intensive; a longer entry wins over a shorter one
 * ({@code centred centered} over {@code centre center}). A line starting with {@code =} maps one whole word only
 * ({@code =efficiency efficient}): the file also groups word families that English stemmers keep apart but that
 * evaluation reports use interchangeably (the criteria: efficiency/efficient, relevance/relevant, ...). The
 * default file ships in the jar; a user's own file
 * replaces it via the environment variable {@value #ENV} or the system property {@value #PROPERTY}.
 */
public final class SpellingVariants {
    public static final String ENV = "EVALSEARCH_SPELLING_VARIANTS";
    public static final String PROPERTY = "evalsearch.spellingVariants";
    private static final String FILE = "spelling-variants.txt";

    private static volatile SpellingVariants defaults;

    /**
     * Prefixes and whole words as one character trie: one walk along a word finds its longest listed prefix and
     * whether it is listed whole, without making a string of it (this runs for every token indexed, where looking
     * up each of the word's prefixes in turn was a visible cost).
     */
    private final Node trie = new Node();

    private static final class Node {
        final TrieBranches<Node> next = new TrieBranches<>();
        /** The replacement of the prefix that ends here, and of the whole word that ends here. */
        String prefix;
        String whole;
    }

    SpellingVariants(Map<String, String> prefixes, Map<String, String> words) {
        prefixes.forEach((prefix, replacement) -> node(prefix).prefix = replacement);
        words.forEach((word, replacement) -> node(word).whole = replacement);
    }

    private Node node(String key) {
        Node n = trie;
        for (int i = 0; i < key.length(); i++) {
            n = n.next.getOrAdd(key.charAt(i), Node::new);
        }
        return n;
    }

    /** The configured variants: the user's file when one is set, else the bundled one. Loaded once. */
    public static SpellingVariants defaults() {
        if (defaults == null) {
            synchronized (SpellingVariants.class) {
                if (defaults == null) {
                    defaults = load();
                }
            }
        }
        return defaults;
    }

    private static SpellingVariants load() {
        Path user = DataFiles.userFile(PROPERTY, ENV);
        try (InputStream in = DataFiles.open(user, FILE)) {
            return parse(in, DataFiles.source(user, FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spelling variants " + DataFiles.source(user, FILE), e);
        }
    }

    static SpellingVariants parse(InputStream in, String source) throws IOException {
        Map<String, String> m = new TreeMap<>();
        Map<String, String> whole = new TreeMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String s = line.replaceFirst("#.*", "").trim();
            if (s.isEmpty()) {
                continue;
            }
            String[] parts = s.toLowerCase(Locale.ROOT).split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(source + " line " + n + ": expected 'british american' or '=word family', got '" + line + "'");
            }
            if (parts[0].startsWith("=")) {
                whole.put(parts[0].substring(1), parts[1]);
            } else {
                m.put(parts[0], parts[1]);
            }
        }
        return new SpellingVariants(m, whole);
    }

    /**
     * The normalised form of a lower-case word: the word with its longest listed prefix replaced, or {@code null}
     * when no prefix applies.
     */
    public String normalise(CharSequence word) {
        String replacement = null;
        int replaced = 0;
        Node n = trie;
        int i = 0;
        for (; i < word.length() && (n = n.next.get(word.charAt(i))) != null; i++) {
            if (n.prefix != null) {
                replacement = n.prefix;
                replaced = i + 1;
            }
        }
        if (i == word.length() && n != null && n.whole != null) {
            return n.whole;
        }
        return replacement == null ? null : replacement + word.subSequence(replaced, word.length());
    }
}
