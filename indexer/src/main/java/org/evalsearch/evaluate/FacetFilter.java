package org.evalsearch.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;

/**
 * Filters of a judged query as Lucene queries, with the API's semantics: values of one facet are OR-ed, facets
 * AND-ed, a year is one year or a range {@code 2010-2015}. The engine uses the server's {@code SearchFilters} on
 * its facets; the baseline index carries the same tags as plain string fields, matched here.
 */
final class FacetFilter {
    static final String YEAR_POINT = "f_year_point";
    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");

    private FacetFilter() {}

    /** The filter for one facet: any of {@code values}. */
    static Query anyOf(String dim, List<String> values) {
        if (!Schema.FACETS.contains(dim)) {
            throw new IllegalArgumentException("unknown filter '" + dim + "' (known: " + Schema.FACETS + ")");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        values.forEach(v -> b.add(exactTerm(dim, v), BooleanClause.Occur.SHOULD));
        return b.build();
    }

    /** An exact string field per facet; years by range. */
    static Query exactTerm(String dim, String value) {
        if (dim.equals(Schema.YEAR)) {
            int[] range = yearRange(value);
            return IntPoint.newRangeQuery(YEAR_POINT, range[0], range[1]);
        }
        return new TermQuery(new Term(exactField(dim), value));
    }

    static String exactField(String dim) {
        return "f_" + dim;
    }

    /** A passage's value(s) for every facet but the year. */
    static Map<String, List<String>> values(PassageRecord r) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(Schema.TYPE, single(r.type()));
        m.put(Schema.THEME, r.themes());
        m.put(Schema.CRITERION, r.criteria());
        m.put(Schema.COUNTRY, r.countries());
        m.put(Schema.REGION, r.regions());
        m.put(Schema.DOC, single(r.doc()));
        m.put(Schema.EVALUATION_TYPE, single(r.evaluationType()));
        m.put(Schema.LANGUAGE, single(r.language()));
        m.put(Schema.PRIORITY, single(r.priority()));
        m.put(Schema.STANCE, single(r.stance()));
        return m;
    }

    private static List<String> single(String v) {
        return v == null || v.isBlank() ? List.of() : List.of(v);
    }

    private static int[] yearRange(String value) {
        Matcher m = YEAR_RANGE.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("year filter must be YYYY or YYYY-YYYY, not '" + value + "'");
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        return new int[] {Math.min(from, to), Math.max(from, to)};
    }
}
