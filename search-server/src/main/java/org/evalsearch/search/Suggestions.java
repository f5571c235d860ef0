package org.evalsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.index.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autocomplete over report titles, theme labels and phrases frequent in the passages, matched anywhere in the
 * suggestion ("migr" finds "labour migration"). Rebuilt in memory when the index changes.
 */
public final class Suggestions {
    public static final int MAX_PREFIX = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Suggestions.class);
    /** A phrase must occur this often to be suggested. */
    private static final int MIN_PHRASE_COUNT = 3;
    private static final int MAX_PHRASES = 5000;
    /**
     * Passages read for phrases: evenly spread over a bigger index, since a frequent phrase shows in any large
     * sample, and reading all of an archive of hundreds of reports kept a core busy for a minute after each start.
     */
    static final int SAMPLE_PASSAGES = 20_000;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'-]*\\p{L}|\\p{L}");
    private static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have", "had", "in",
            "into", "is", "it", "its", "not", "of", "on", "or", "that", "the", "their", "there", "these", "this",
            "to", "was", "were", "which", "with", "will", "would", "should", "could", "also", "other", "such",
            "than", "they", "them", "we", "our", "all", "any", "more", "most", "some", "can", "may", "de", "la",
            "le", "les", "des", "et", "en", "el", "los", "las", "y", "del", "para", "por", "con", "une", "un");

    /** One suggestion: what to show, where it comes from, and the filter value for titles and themes. */
    public record Suggestion(String text, String kind, String value) {}

    private final SearchService service;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private IndexReader builtFor;
    private AnalyzingInfixSuggester suggester;

    Suggestions(SearchService service) {
        this.service = service;
    }

    /** Builds the suggestions for the current index now, so the first user does not wait for it. */
    public void warm() throws IOException {
        rebuild();
    }

    public List<Suggestion> lookup(String q, int size) throws IOException {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        AnalyzingInfixSuggester s = current();
        if (s == null) {
            return List.of();
        }
        List<Lookup.LookupResult> found;
        try {
            found = s.lookup(q.strip(), size, true, false);
        } catch (AlreadyClosedException e) {
            // replaced by a rebuild between taking it and asking it; the new one is ready
            found = current().lookup(q.strip(), size, true, false);
        }
        List<Suggestion> out = new ArrayList<>();
        for (Lookup.LookupResult r : found) {
            String[] kindValue = r.payload.utf8ToString().split("\t", 2);
            out.add(new Suggestion(r.key.toString(), kindValue[0], kindValue.length > 1 && !kindValue[1].isEmpty() ? kindValue[1] : null));
        }
        return out;
    }

    /**
     * The suggester for the current commit. When the index changed, the previous suggester keeps answering while
     * a background thread builds the new one; only the very first call waits.
     */
    private AnalyzingInfixSuggester current() throws IOException {
        AnalyzingInfixSuggester ready;
        try (IndexView view = service.view()) {
            synchronized (this) {
                ready = suggester;
                if (builtFor == view.reader() || view.reader().numDocs() == 0) {
                    return ready;
                }
            }
        }
        if (ready == null) {
            return rebuild();
        }
        if (rebuilding.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    rebuild();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("rebuilding suggestions failed: {}", e.toString());
                } finally {
                    rebuilding.set(false);
                }
            }, "suggestions-rebuild");
            t.setDaemon(true);
            t.start();
        }
        return ready;
    }

    private synchronized AnalyzingInfixSuggester rebuild() throws IOException {
        try (IndexView view = service.view()) {
            if (builtFor == view.reader() || view.reader().numDocs() == 0) {
                return suggester;
            }
            AnalyzingInfixSuggester fresh = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), analyzer());
            fresh.build(new Entries(entries(view)));
            if (suggester != null) {
                suggester.close();
            }
            suggester = fresh;
            builtFor = view.reader();
            return suggester;
        }
    }

    private record Entry(String text, String kind, String value, long weight) {}

    private static List<Entry> entries(IndexView view) throws IOException {
        List<Entry> out = new ArrayList<>();
        Map<String, Boolean> titles = new HashMap<>();
        for (ReportMeta m : view.reports().values()) {
            if (m.title() != null && !m.title().isBlank() && titles.putIfAbsent(m.title(), true) == null) {
                out.add(new Entry(m.title(), "title", m.doc(), 500));
            }
        }
        for (String theme : FacetCounts.indexedValues(view.facetState(), Schema.THEME)) {
            out.add(new Entry(FacetLabels.label(Schema.THEME, theme, view.reports()), "theme", theme, 300));
        }
        frequentPhrases(view.reader(), SAMPLE_PASSAGES)
                .forEach((phrase, n) -> out.add(new Entry(phrase, "phrase", null, n)));
        return out;
    }

    /**
     * Two- and three-word phrases that start and end with a content word, by how often they occur in every
     * passage, or in an even sample of about {@code samplePassages} of them.
     */
    static Map<String, Long> frequentPhrases(IndexReader reader, int samplePassages) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        int step = Math.max(1, (reader.maxDoc() + samplePassages - 1) / samplePassages);
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            int first = Math.floorMod(-leaf.docBase, step);
            for (int i = first; i < leaf.reader().maxDoc(); i += step) {
                if (live != null && !live.get(i)) {
                    continue;
                }
                String text = stored.document(i, Set.of(Schema.TEXT)).get(Schema.TEXT);
                List<String> words = new ArrayList<>();
                Matcher m = WORD.matcher(text == null ? "" : text);
                while (m.find()) {
                    words.add(m.group().toLowerCase());
                }
                for (int w = 0; w + 1 < words.size(); w++) {
                    String a = words.get(w), b = words.get(w + 1);
                    if (content(a) && content(b)) {
                        counts.merge(a + " " + b, 1L, Long::sum);
                    }
                    if (w + 2 < words.size() && content(a) && content(words.get(w + 2))) {
                        counts.merge(a + " " + b + " " + words.get(w + 2), 1L, Long::sum);
                    }
                }
            }
        }
        Map<String, Long> kept = new HashMap<>();
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_PHRASE_COUNT)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(MAX_PHRASES)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    private static boolean content(String w) {
        return w.length() > 2 && !STOP.contains(w);
    }

    private static Analyzer analyzer() {
        try {
            return CustomAnalyzer.builder().withTokenizer("standard")
                    .addTokenFilter("lowercase").addTokenFilter("asciiFolding").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries as the suggester reads them: text, weight, and kind + value as payload. */
    private static final class Entries implements InputIterator {
        private final Iterator<Entry> it;
        private Entry current;

        Entries(List<Entry> entries) {
            this.it = entries.iterator();
        }

        @Override
        public BytesRef next() {
            if (!it.hasNext()) {
                return null;
            }
            current = it.next();
            return new BytesRef(current.text());
        }

        @Override
        public long weight() {
            return current.weight();
        }

        @Override
        public BytesRef payload() {
            return new BytesRef(current.kind() + "\t" + (current.value() == null ? "" : current.value()));
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
