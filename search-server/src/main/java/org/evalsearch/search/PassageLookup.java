package org.evalsearch.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;

/** Builds {@link PassageDetail}s: a passage, its neighbours, its links and its look-alikes in other reports. */
public final class PassageLookup {
    static final int SIMILAR = 5;
    private static final float SAME_TYPE_BOOST = 3f;

    private final SearchService service;

    public PassageLookup(SearchService service) {
        this.service = service;
    }

    /** The passage with its context, or null when no passage has that id. */
    public PassageDetail detail(String id) throws IOException {
        try (IndexView view = service.view()) {
            PassageRecord p = service.byId(view, id);
            if (p == null) {
                return null;
            }
            List<PassageRecord> responses = service.responsesOf(view, p);
            PassageRecord recommendation = p.respondsTo() == null ? null : service.byId(view, p.respondsTo());
            PassageRecord original = p.repeats() == null ? null : service.byId(view, p.repeats());
            List<PassageRef> alsoIn = service.repeatsOf(view, List.of(p)).getOrDefault(p.id(), List.of());
            return new PassageDetail(p, Links.pdf(p),
                    service.byOrdinal(view, p.doc(), p.ordinal() - 1),
                    service.byOrdinal(view, p.doc(), p.ordinal() + 1),
                    responses, recommendation, original == null ? null : Links.ref(original), alsoIn,
                    similar(view, p));
        }
    }

    /**
     * Passages of other evaluations whose text is most like this one's (MoreLikeThis over the passage text),
     * repeats left out: the same recommendation made again years later shows up here.
     */
    List<PassageDetail.SimilarPassage> similar(IndexView view, PassageRecord p) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(view.reader());
        mlt.setFieldNames(new String[] {Schema.TEXT});
        mlt.setAnalyzer(Schema.analyzer());
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(30);
        mlt.setMaxDocFreqPct(20);
        Query like = mlt.like(Schema.TEXT, new StringReader(p.text() == null ? "" : p.text()));
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(new TermQuery(Schema.docTerm(p.doc())), Occur.MUST_NOT)
                .add(new FieldExistsQuery(Schema.REPEATS), Occur.MUST_NOT);
        if (p.evaluation() != null) {
            q.add(new TermQuery(new Term(Schema.EVALUATION, p.evaluation())), Occur.MUST_NOT);
        }
        if (p.type() != null && !p.type().equals("other")) {
            // a recommendation made again is most useful next to a recommendation: same-type passages rank first
            String field = service.facetsConfig().getDimConfig(Schema.TYPE).indexFieldName;
            q.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(DrillDownQuery.term(field, Schema.TYPE, p.type()))),
                    SAME_TYPE_BOOST), Occur.SHOULD);
        }
        TopDocs top = view.searcher().search(q.build(), SIMILAR);
        List<PassageDetail.SimilarPassage> out = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            PassageRecord r = view.record(sd.doc);
            out.add(new PassageDetail.SimilarPassage(r, sd.score, Links.pdf(r)));
        }
        return out;
    }
}
