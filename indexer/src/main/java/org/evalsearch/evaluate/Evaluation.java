package org.evalsearch.evaluate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.evalsearch.index.PassageRecord;

/** Runs judged queries through one or more retrievers and scores each ranking at a cut-off. */
public final class Evaluation {

    /** The scores of one query under one system, and the hits scored. */
    public record QueryResult(JudgedQuery query, Scores scores, List<PassageRecord> hits) {}

    /** All queries under one system, with the mean over them. */
    public record Run(String system, List<QueryResult> queries, Scores overall) {}

    private final List<JudgedQuery> queries;
    private final int k;

    public Evaluation(List<JudgedQuery> queries, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("cut-off must be at least 1");
        }
        this.queries = List.copyOf(queries);
        this.k = k;
    }

    public int cutoff() {
        return k;
    }

    public Run run(Retriever retriever) throws IOException {
        List<QueryResult> results = new ArrayList<>();
        for (JudgedQuery q : queries) {
            List<PassageRecord> hits = retriever.search(q, k);
            results.add(new QueryResult(q, new RelevantPassages(q.relevant()).score(hits, k), hits));
        }
        return new Run(retriever.name(), results, Scores.mean(results.stream().map(QueryResult::scores).toList()));
    }
}
