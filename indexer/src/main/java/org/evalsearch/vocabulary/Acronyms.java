package org.evalsearch.vocabulary;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** A word as typed in a query, acronym punctuation included (ITC-ILO, ACT/EMP, M&amp;E). */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}&/\\-]*[\\p{L}\\p{N}])?");

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
            byShort.computeIfAbsent(a.shortForm(), k -> new HashMap<>())
                    .merge(a.longForm().toLowerCase(Locale.ROOT), n, Integer::sum);
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

    /**
     * The query with each acronym typed as a report writes it ("MFLM", "ITC-ILO") replaced by its marker token, so
     * that it expands to its long forms; the same letters typed as an ordinary word ("fair" for the programme
     * FAIR) are left alone. Capitals mark an acronym more reliably than anything the lower-cased analysis sees.
     */
    public String markCapitalised(String query) {
        if (longForms.isEmpty()) {
            return query;
        }
        Matcher m = TOKEN.matcher(query);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(longForms.containsKey(token) ? marker(token) : token));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Solr-format synonym rules, applied after lower-casing: a marker (see {@link #markCapitalised}) expands to the
     * short and long forms; a long form of several words also finds its short form; a short form typed in lower
     * case expands only when it cannot be an ordinary word (no more than one vowel, or a hyphen, slash, ampersand
     * or digit in it: "mflm", "dwcp", "itc-ilo").
     */
    public String synonymRules() {
        StringBuilder sb = new StringBuilder();
        longForms.forEach((shortForm, forms) -> {
            List<String> usable = forms.stream().filter(f -> !f.contains("=>")).map(Acronyms::escape).toList();
            if (usable.isEmpty()) {
                return;
            }
            String shortLower = escape(shortForm.toLowerCase(Locale.ROOT));
            String expansions = shortLower + ", " + String.join(", ", usable);
            sb.append(marker(shortForm)).append(" => ").append(expansions).append('\n');
            if (cannotBeAWord(shortForm)) {
                sb.append(shortLower).append(" => ").append(expansions).append('\n');
            }
            for (String form : usable) {
                if (form.trim().split("\\s+").length >= 2) {
                    sb.append(form).append(" => ").append(form).append(", ").append(shortLower).append('\n');
                }
            }
        });
        return sb.toString();
    }

    /** The single token standing for an acronym typed in capitals, e.g. {@code acr_itc_ilo}. */
    static String marker(String shortForm) {
        return "acr_" + shortForm.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
    }

    static boolean cannotBeAWord(String shortForm) {
        String s = shortForm.toLowerCase(Locale.ROOT);
        if (!s.matches("[\\p{L}]+")) {
            return true;
        }
        return s.replaceAll("[^aeiouy]", "").length() <= 1;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(",", "\\,");
    }
}
