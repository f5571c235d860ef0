package org.evalsearch.search;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.evalsearch.index.Schema;
import org.evalsearch.query.InvalidQueryException;

/**
 * The result orders the API offers. Each ends with the unique passage id, so that a cursor (search_after)
 * names one position even when scores or years tie, across index refreshes.
 */
public enum SortOrder {
    RELEVANCE(new Sort(SortField.FIELD_SCORE, idSort())),
    YEAR_ASC(new Sort(yearSort(false), SortField.FIELD_SCORE, idSort())),
    YEAR_DESC(new Sort(yearSort(true), SortField.FIELD_SCORE, idSort()));

    /** Report by report, in reading order: how exports list passages. */
    public static final Sort DOCUMENT_ORDER = new Sort(
            KeywordField.newSortField(Schema.DOC, false, SortedSetSelector.Type.MIN),
            IntField.newSortField(Schema.ORDINAL, false, SortedNumericSelector.Type.MIN));

    private final Sort sort;

    SortOrder(Sort sort) {
        this.sort = sort;
    }

    public Sort sort() {
        return sort;
    }

    public String apiName() {
        return name().toLowerCase();
    }

    public static SortOrder parse(String s) {
        if (s == null || s.isBlank()) {
            return RELEVANCE;
        }
        for (SortOrder o : values()) {
            if (o.apiName().equals(s.strip().toLowerCase())) {
                return o;
            }
        }
        throw new InvalidQueryException("sort must be one of " + Arrays.stream(values())
                .map(SortOrder::apiName).collect(Collectors.joining(", ")) + ", not '" + s + "'");
    }

    private static SortField idSort() {
        return KeywordField.newSortField(Schema.ID, false, SortedSetSelector.Type.MIN);
    }

    private static SortField yearSort(boolean reverse) {
        return IntField.newSortField(Schema.YEAR, reverse, SortedNumericSelector.Type.MIN);
    }
}
