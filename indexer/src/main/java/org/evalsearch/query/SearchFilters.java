package org.evalsearch.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.evalsearch.index.Schema;

/**
 * The facet filters of a search (the API's {@code type=…&theme=…&year=2010-2015}): values of one facet are
 * OR-ed, facets are AND-ed. Shared by the server and the {@code evaluate} command so both filter alike.
 * A year is a single year or an inclusive range {@code FROM-TO}; every other value is an exact facet value.
 */
public final class SearchFilters {
    /** Filter names accepted, the same as the facet dimensions. */
    public static final List<String> NAMES = Schema.FACETS;
    public static final int MAX_VALUES = 100;

    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:\\s*-\\s*(\\d{4}))?");
    private static final SearchFilters NONE = new SearchFilters(Map.of());

    private final Map<String, List<String>> values;

    private SearchFilters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static SearchFilters none() {
        return NONE;
    }

    /**
     * Filters from request-style parameters: only the entries named in {@link #NAMES} are read, blank values
     * are ignored, a repeated value counts once.
     *
     * @throws InvalidQueryException for a malformed year or too many values
     */
    public static SearchFilters of(Map<String, List<String>> params) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            List<String> given = params.getOrDefault(name, List.of());
            LinkedHashSet<String> kept = new LinkedHashSet<>();
            for (String v : given) {
                if (v != null && !v.isBlank()) {
                    kept.add(v.strip());
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            if (kept.size() > MAX_VALUES) {
                throw new InvalidQueryException("too many values for filter '" + name + "' (limit " + MAX_VALUES + ")");
            }
            if (name.equals(Schema.YEAR)) {
                kept.forEach(SearchFilters::yearRange);
            }
            out.put(name, List.copyOf(kept));
        }
        return out.isEmpty() ? NONE : new SearchFilters(Collections.unmodifiableMap(out));
    }

    /** One filter per entry, for callers (the evaluate command) whose filters are single-valued. */
    public static SearchFilters ofSingle(Map<String, String> filters) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        filters.forEach((k, v) -> params.put(k, List.of(v)));
        for (String k : filters.keySet()) {
            if (!NAMES.contains(k)) {
                throw new InvalidQueryException("unknown filter '" + k + "'; filters are " + String.join(", ", NAMES));
            }
        }
        return of(params);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Filter name to its values, in the order of {@link #NAMES}. */
    public Map<String, List<String>> values() {
        return values;
    }

    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** These filters without the one named, e.g. to count a facet as if it were not selected. */
    public SearchFilters without(String name) {
        if (!values.containsKey(name)) {
            return this;
        }
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.remove(name);
        return copy.isEmpty() ? NONE : new SearchFilters(Collections.unmodifiableMap(copy));
    }

    /** These filters plus one value, replacing any values already given for that name. */
    public SearchFilters with(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.put(name, List.of(value));
        return of(copy);
    }

    /** The base query drilled down by every filter, ready for {@code DrillSideways}. */
    public DrillDownQuery drillDown(Query base, FacetsConfig config) {
        DrillDownQuery ddq = new DrillDownQuery(config, base);
        values.forEach((name, vals) -> {
            if (name.equals(Schema.YEAR)) {
                ddq.add(name, yearQuery(vals));
            } else {
                // one add per value: DrillDownQuery ORs repeated adds of a dimension, while several
                // values in one add are a single hierarchical path (which matches nothing here)
                vals.forEach(v -> ddq.add(name, v));
            }
        });
        return ddq;
    }

    /** The base query restricted by every filter, without facet bookkeeping. */
    public Query apply(Query base, FacetsConfig config) {
        return isEmpty() ? base : drillDown(base, config);
    }

    /**
     * Checks that every value exists in the index, so that a misspelt value is reported instead of silently
     * matching nothing. Years are ranges and are not checked.
     *
     * @throws InvalidQueryException naming the first unknown value
     */
    public void checkValuesExist(SortedSetDocValuesReaderState state) throws IOException {
        SortedSetDocValues dv = null;
        for (var e : values.entrySet()) {
            if (e.getKey().equals(Schema.YEAR)) {
                continue;
            }
            for (String v : e.getValue()) {
                if (dv == null) {
                    dv = state.getDocValues();
                }
                long ord = dv.lookupTerm(new BytesRef(FacetsConfig.pathToString(e.getKey(), new String[] {v})));
                if (ord < 0) {
                    throw new InvalidQueryException("unknown value '" + v + "' for filter '" + e.getKey() + "'");
                }
            }
        }
    }

    private static Query yearQuery(List<String> vals) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String v : vals) {
            int[] r = yearRange(v);
            any.add(IntField.newRangeQuery(Schema.YEAR, r[0], r[1]), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** {@code 2013} or {@code 2010-2015} as an inclusive range. */
    static int[] yearRange(String v) {
        Matcher m = YEAR.matcher(v.strip());
        if (!m.matches()) {
            throw new InvalidQueryException("year must be YYYY or YYYY-YYYY, not '" + v + "'");
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from > to) {
            throw new InvalidQueryException("year range '" + v + "' ends before it starts");
        }
        return new int[] {from, to};
    }

    /** Filters are equal when they keep the same values of the same facets (an answer cache keys on them). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SearchFilters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        values.forEach((k, vs) -> vs.forEach(v -> parts.add(k + "=" + v)));
        return String.join("&", parts);
    }
}
