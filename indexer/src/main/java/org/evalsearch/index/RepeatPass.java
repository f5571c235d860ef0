package org.evalsearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.tagging.RepeatFinder;

/**
 * After a run's files are indexed, recomputes which passages repeat others for every evaluation whose files
 * changed, over all its passages (those just indexed and those already in the index), and rewrites the passages
 * whose {@code repeats} changed. Repeats span files, so they cannot be found while files are processed one by one.
 */
final class RepeatPass {
    private RepeatPass() {}

    /** Evaluations with a file added, changed or removed between the two report lists. */
    static Set<String> touched(Map<String, ReportMeta> before, Map<String, ReportMeta> after) {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, ReportMeta> e : before.entrySet()) {
            ReportMeta now = after.get(e.getKey());
            if (now == null || !Objects.equals(now.sha256(), e.getValue().sha256())) {
                out.add(key(e.getValue()));
            }
        }
        for (Map.Entry<String, ReportMeta> e : after.entrySet()) {
            ReportMeta then = before.get(e.getKey());
            if (then == null || !Objects.equals(then.sha256(), e.getValue().sha256())) {
                out.add(key(e.getValue()));
            }
        }
        return out;
    }

    /** Updates the passages of the given evaluations whose repeats changed; returns how many were rewritten. */
    static int update(IndexWriter writer, Set<String> evaluations) throws IOException {
        if (evaluations.isEmpty()) {
            return 0;
        }
        FacetsConfig facets = Schema.facetsConfig();
        int updated = 0;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = searcher.storedFields();
            for (String evaluation : evaluations) {
                Term term = evaluation.startsWith(DOC_KEY)
                        ? Schema.docTerm(evaluation.substring(DOC_KEY.length()))
                        : new Term(Schema.EVALUATION, evaluation);
                TopDocs hits = searcher.search(new TermQuery(term), Math.max(1, reader.maxDoc()));
                List<PassageRecord> records = new ArrayList<>(hits.scoreDocs.length);
                for (ScoreDoc sd : hits.scoreDocs) {
                    records.add(Schema.fromJson(stored.document(sd.doc).get(Schema.RECORD)));
                }
                Map<String, String> repeats = RepeatFinder.find(records);
                for (PassageRecord r : records) {
                    String now = repeats.get(r.id());
                    if (!Objects.equals(now, r.repeats())) {
                        writer.updateDocument(Schema.idTerm(r.id()), facets.build(Schema.toDocument(r.withRepeats(now))));
                        updated++;
                    }
                }
            }
        }
        return updated;
    }

    private static final String DOC_KEY = "doc:";

    /** A report without an evaluation id is an evaluation of its own. */
    private static String key(ReportMeta m) {
        return m.evaluation() != null && !m.evaluation().isBlank() ? m.evaluation() : DOC_KEY + m.doc();
    }
}
