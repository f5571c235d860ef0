package org.evalsearch.vocabulary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.evalsearch.index.Schema;

/**
 * The acronyms defined across the indexed reports, as query-time synonyms: a query for "MFLM" also finds
 * "Multilateral Framework on Labour Migration" and the other way round. Read from the index's acronym terms
 * (one per definition, see {@link AcronymMiner}), so loading costs one pass over a term dictionary.
 */
public final class Acronyms {
    /** Long forms kept per short form, most often defined first: beyond that a short form is too ambiguous to expand. */
    private static final int MAX_LONG_FORMS = 3;
    /** Short forms that are also everyday words; typed in lower case they mean the word. */
    private static final Set<String> WORDS = Set.of("us", "who", "can", "may", "will", "all", "am", "pm");

    private final Map<String, List<String>> longForms;

    private Acronyms(Map<String, List<String>> longForms) {
        this.longForms = longForms;
    }

    public static Acronyms none() {
        return new Acronyms(Map.of());
    }

    public static Acronyms fromIndex(IndexReader reader) throws IOException {
        Map<Acronym, Integer> counts = new HashMap<>();
        Terms terms = MultiTerms.getTerms(reader, Schema.ACRONYM);
        if (terms != null) {
            TermsEnum e = terms.iterator();
            for (BytesRef t = e.next(); t != null; t = e.next()) {
                Acronym a = Acronym.decode(t.utf8ToString());
                if (a != null) {
                    counts.merge(a, e.docFreq(), Integer::sum);
                }
            }
        }
        return of(counts);
    }

    public static Acronyms of(Collection<Acronym> acronyms) {
        Map<Acronym, Integer> counts = new HashMap<>();
        acronyms.forEach(a -> counts.merge(a, 1, Integer::sum));
        return of(counts);
    }

    private static Acronyms of(Map<Acronym, Integer> counts) {
        Map<String, Map<String, Integer>> byShort = new HashMap<>();
        counts.forEach((a, n) -> {
            String key = a.shortForm().toLowerCase(Locale.ROOT);
            if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(key) && !WORDS.contains(key)) {
                byShort.computeIfAbsent(a.shortForm(), k -> new HashMap<>())
                        .merge(a.longForm().toLowerCase(Locale.ROOT), n, Integer::sum);
            }
        });
        Map<String, List<String>> longForms = new LinkedHashMap<>();
        byShort.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> longForms.put(e.getKey(),
                e.getValue().entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(MAX_LONG_FORMS).map(Map.Entry::getKey).toList()));
        return new Acronyms(longForms);
    }

    public int size() {
        return longForms.size();
    }

    public Map<String, List<String>> longForms() {
        return longForms;
    }

    /** Solr-format synonym rules, one equivalence line per short form. */
    public String synonymRules() {
        StringBuilder sb = new StringBuilder();
        longForms.forEach((shortForm, forms) -> {
            List<String> parts = new ArrayList<>();
            parts.add(escape(shortForm));
            forms.stream().filter(f -> !f.contains("=>")).map(Acronyms::escape).forEach(parts::add);
            if (parts.size() > 1) {
                sb.append(String.join(", ", parts)).append('\n');
            }
        });
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(",", "\\,");
    }
}
