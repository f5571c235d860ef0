package org.evalsearch.query;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.evalsearch.index.PassageVectors;
import org.evalsearch.index.Schema;
import org.evalsearch.index.SentenceEmbedder;

/**
 * Dense retrieval fused with the word ranking, in one place for the server and the {@code evaluate} command.
 * The passages nearest to the query's embedding (under the same filters) and the best word matches are merged
 * by reciprocal rank fusion; the result is a Lucene query whose score is the fused one for those passages and
 * the word score below them for every other word match, so sorting, cursors, facets and the time budget work
 * on it as on any query. Passages are named by id, not Lucene doc id, so a cursor stays valid across pages.
 */
public final class DenseFusion {
    /** The usual reciprocal rank fusion constant: score = sum of 1 / (K + rank). */
    static final int K = 60;
    /**
     * At least this many passages from each ranking (a page of 10 and the window collapsing looks at), so that
     * smaller pages rank alike and paging through them with a cursor lists what one page of 10 lists.
     */
    public static final int MIN_DEPTH = 40;
    /** At most this many passages from each ranking: two id clauses each must stay within Lucene's clause limit. */
    public static final int MAX_DEPTH = 200;
    /** Stretches fused scores so that neighbouring ranks stay apart in float precision above the word scores. */
    private static final float SPREAD = 100f;

    private DenseFusion() {}

    /** Whether {@code searcher}'s index has passage vectors, i.e. whether {@link #fuse} changes anything. */
    public static boolean available(IndexSearcher searcher) {
        return PassageVectors.present(searcher.getIndexReader());
    }

    /**
     * The ranking of {@code words} fused with the {@code depth} passages nearest to {@code text} ({@code depth}
     * taken between {@link #MIN_DEPTH} and {@link #MAX_DEPTH}), both under {@code restrict} (the search's filters and exclusions, as
     * {@link PseudoRelevanceFeedback#expand} takes them). The result is unrestricted like {@code words}: callers
     * restrict it as they would have restricted {@code words}. Returns {@code words} itself when the index has no
     * vectors or the text is blank.
     */
    public static Query fuse(IndexSearcher searcher, Query words, UnaryOperator<Query> restrict, String text,
                             int depth) throws IOException {
        if (text == null || text.isBlank() || !available(searcher)) {
            return words;
        }
        depth = Math.clamp(depth, MIN_DEPTH, MAX_DEPTH);
        ScoreDoc[] byWords = searcher.search(restrict.apply(words), depth).scoreDocs;
        float[] vector = SentenceEmbedder.get().query(text);
        Query nearest = new KnnFloatVectorQuery(Schema.VECTOR, vector, depth, restrict.apply(new MatchAllDocsQuery()));
        ScoreDoc[] byMeaning = searcher.search(nearest, depth).scoreDocs;

        Map<Integer, Float> fused = new HashMap<>();
        addRanks(fused, byWords);
        addRanks(fused, byMeaning);
        // above every word score, so that the fused passages come first and the other matches follow in word order
        float floor = (byWords.length == 0 ? 0f : byWords[0].score) + 1f;
        BooleanQuery.Builder ranked = new BooleanQuery.Builder();
        Map<Integer, String> ids = ids(searcher.getIndexReader(), fused.keySet());
        for (Map.Entry<Integer, Float> e : fused.entrySet()) {
            String id = ids.get(e.getKey());
            ranked.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(Schema.idTerm(id))),
                    floor + SPREAD * e.getValue()), BooleanClause.Occur.SHOULD);
        }
        // the larger of the two scores: a fused passage's own word score is always below its fused one
        return new DisjunctionMaxQuery(List.of(words, ranked.build()), 0f);
    }

    /**
     * The passage id of each doc id, from the id field's doc values in doc id order (up to 400 stored-field reads,
     * each decompressing a block, were most of the cost of naming the fused passages).
     */
    private static Map<Integer, String> ids(IndexReader reader, Set<Integer> docs) throws IOException {
        int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().toArray();
        List<LeafReaderContext> leaves = reader.leaves();
        Map<Integer, String> out = new HashMap<>();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        SortedSetDocValues values = null;
        for (int doc : sorted) {
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                values = DocValues.getSortedSet(leaf.reader(), Schema.ID);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("passage without an id at doc " + doc);
            }
            out.put(doc, values.lookupOrd(values.nextOrd()).utf8ToString());
        }
        return out;
    }

    private static void addRanks(Map<Integer, Float> fused, ScoreDoc[] ranking) {
        for (int i = 0; i < ranking.length; i++) {
            fused.merge(ranking[i].doc, 1f / (K + i + 1), Float::sum);
        }
    }
}
