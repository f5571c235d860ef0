package org.evalsearch.query;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;

/**
 * A numbered recommendation, or the management response to it, is one answer even when the report spreads it over
 * several passages (its statement, the explanation, the actions "that can be taken", the table of responsible
 * units). Ranked lists show such an item once, where its best passage ranked, with the item's whole text from its
 * first passage on: ten parts of one recommendation would otherwise fill a page that should list ten
 * recommendations, and the part that matched is often not the one that says what is recommended.
 */
public final class NumberedItems {
    /** Passages looked at on each side of a ranked passage; ILO recommendations run to about fifteen. */
    static final int MAX_PARTS = 30;
    /** How many more passages than results to rank, so that collapsed parts still leave a full page. */
    public static final int WINDOW_FACTOR = 4;
    private static final Set<String> RECORD_ONLY = Set.of(Schema.RECORD);
    private static final Set<String> ITEM_TYPES = Set.of("recommendation", "management_response");

    private NumberedItems() {}

    /**
     * One ranked result: the passage that ranked ({@code matched}, for its snippet and score) and what to show:
     * the item's first passage carrying the item's whole text, or the passage itself when it is not part of a
     * numbered item. {@code parts} are the item's passages in reading order (just the passage when it stands alone).
     */
    public record Ranked(ScoreDoc matched, PassageRecord matchedPassage, PassageRecord shown, List<PassageRecord> parts) {}

    /** The key of the item a passage belongs to, or null when it stands alone. */
    static String itemKey(PassageRecord r) {
        if (r.number() == null || !ITEM_TYPES.contains(r.type())) {
            return null;
        }
        return r.doc() + '\u0000' + r.type() + '\u0000' + r.number() + '\u0000' + r.section();
    }

    /**
     * The first {@code size} items of a ranked list, each at the rank of its best passage. Also returns how many
     * of {@code ranked} were read, so that a cursor can continue after the last of them.
     */
    public static Collapsed collapse(IndexSearcher searcher, List<ScoreDoc> ranked, int size) throws IOException {
        return collapse(searcher, ranked, size, parts -> false);
    }

    /** Says whether an item was already shown on an earlier page, from its parts. */
    public interface EarlierPages {
        boolean showed(List<PassageRecord> parts) throws IOException;
    }

    /** As {@link #collapse(IndexSearcher, List, int)}, leaving out items that {@code earlier} pages showed. */
    public static Collapsed collapse(IndexSearcher searcher, List<ScoreDoc> ranked, int size, EarlierPages earlier)
            throws IOException {
        List<Ranked> out = new ArrayList<>(Math.min(size, ranked.size()));
        // every part of an item has the item's key, so one key seen is all its parts seen
        Set<String> seenItems = new HashSet<>();
        int read = 0;
        while (read < ranked.size() && out.size() < size) {
            ScoreDoc sd = ranked.get(read++);
            PassageRecord r = load(searcher, sd.doc);
            String key = itemKey(r);
            if (key == null) {
                out.add(new Ranked(sd, r, r, List.of(r)));
                continue;
            }
            if (!seenItems.add(key)) {
                continue;
            }
            List<PassageRecord> parts = partsOf(searcher, r, key);
            if (!earlier.showed(parts)) {
                out.add(new Ranked(sd, r, withItemText(parts), parts));
            }
        }
        return new Collapsed(out, read);
    }

    /** The items of a ranked list, and how many ranked passages were read to find them. */
    public record Collapsed(List<Ranked> items, int read) {}

    private static PassageRecord withItemText(List<PassageRecord> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        String text = parts.stream().map(PassageRecord::text).filter(Objects::nonNull).collect(Collectors.joining("\n"));
        return parts.get(0).withText(text);
    }

    /** The passages next to {@code r} in its report that belong to the same item, in reading order. */
    private static List<PassageRecord> partsOf(IndexSearcher searcher, PassageRecord r, String key) throws IOException {
        Map<Integer, Integer> neighbours = neighbours(searcher, r);
        Deque<PassageRecord> parts = new ArrayDeque<>();
        parts.add(r);
        for (int step : new int[] {-1, 1}) {
            for (int o = r.ordinal() + step; neighbours.containsKey(o); o += step) {
                PassageRecord next = load(searcher, neighbours.get(o));
                if ("footnote".equals(next.kind())) {
                    continue;
                }
                if (!key.equals(itemKey(next))) {
                    break;
                }
                if (step < 0) {
                    parts.addFirst(next);
                } else {
                    parts.addLast(next);
                }
            }
        }
        return List.copyOf(parts);
    }

    /** Lucene doc ids of the passages of r's report within {@link #MAX_PARTS} of it, by ordinal: one query for all. */
    private static Map<Integer, Integer> neighbours(IndexSearcher searcher, PassageRecord r) throws IOException {
        Query near = new BooleanQuery.Builder()
                .add(new TermQuery(Schema.docTerm(r.doc())), Occur.FILTER)
                .add(IntField.newRangeQuery(Schema.ORDINAL, r.ordinal() - MAX_PARTS, r.ordinal() + MAX_PARTS), Occur.FILTER)
                .build();
        Map<Integer, Integer> byOrdinal = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc sd : searcher.search(near, 2 * MAX_PARTS + 1).scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            SortedNumericDocValues ordinals = DocValues.getSortedNumeric(leaf.reader(), Schema.ORDINAL);
            if (ordinals.advanceExact(sd.doc - leaf.docBase)) {
                byOrdinal.put((int) ordinals.nextValue(), sd.doc);
            }
        }
        return byOrdinal;
    }

    private static PassageRecord load(IndexSearcher searcher, int docId) throws IOException {
        return Schema.fromJson(searcher.storedFields().document(docId, RECORD_ONLY).get(Schema.RECORD));
    }
}
