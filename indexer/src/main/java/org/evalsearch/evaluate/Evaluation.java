package org.evalsearch.evaluate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs judged queries through one or more retrievers and scores each ranking at a cut-off. */
public final class Evaluation {

    /** The scores of one query under one system. */
    public record QueryResult(JudgedQuery query, Scores scores) {}

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
            results.add(new QueryResult(q, new RelevantPassages(q.relevant()).score(retriever.search(q, k), k)));
        }
        return new Run(retriever.name(), results, Scores.mean(results.stream().map(QueryResult::scores).toList()));
    }
}
