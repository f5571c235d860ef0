package org.evalsearch.evaluate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.index.IndexRun;
import org.evalsearch.query.PassageQueryParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins retrieval quality on the dev queries (as Anserini's regressions do): the bundled corpus is indexed, the
 * judged queries run through the engine, and overall nDCG@10 must not fall below the floor measured when it was
 * last raised. A change to extraction, tagging, analysis or ranking that loses ranking quality fails here.
 */
class RetrievalRegressionTest {
    /**
     * Measured 0.810 overall nDCG@10 (baseline 0.647, +0.163) on 2026-11-22, minus a margin for changes to
     * extraction and tagging.
     */
    static final double NDCG_FLOOR = 0.80;
    /** The engine must stay at least this far above the plain BM25 baseline on the same passages. */
    static final double MIN_GAIN_OVER_BASELINE = 0.15;
    static final int K = 10;

    @TempDir
    static Path dir;
    private static DirectoryReader reader;
    private static List<JudgedQuery> queries;

    @BeforeAll
    static void build() throws IOException, URISyntaxException {
        new IndexRun(Path.of("..", "corpus"), dir, 2).run(new IndexRun.Listener() {
            public void started(int files) {}
            public void fileDone(String file, int pages, int passages) {}
            public void fileSkipped(String file, String reason) {}
        });
        reader = DirectoryReader.open(FSDirectory.open(dir));
        queries = JudgedQuery.read(Path.of(RetrievalRegressionTest.class.getResource("/evaluate/queries-dev.jsonl").toURI()));
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
    }

    @Test
    void devQueriesScoreAtLeastThePinnedNdcg() throws IOException {
        Evaluation evaluation = new Evaluation(queries, K);
        Evaluation.Run engine = evaluation.run(new EngineRetriever("evalsearch", new IndexSearcher(reader),
                PassageQueryParser.forIndex(reader)));
        Evaluation.Run baseline;
        try (BaselineRetriever b = new BaselineRetriever(StoredPassages.all(reader))) {
            baseline = evaluation.run(b);
        }
        new ReportPrinter(System.out, K).print(List.of(baseline, engine));
        assertTrue(engine.overall().ndcg() >= NDCG_FLOOR,
                "nDCG@10 " + engine.overall().ndcg() + " fell below the pinned " + NDCG_FLOOR);
        assertTrue(engine.overall().ndcg() - baseline.overall().ndcg() >= MIN_GAIN_OVER_BASELINE,
                "gain over the baseline " + (engine.overall().ndcg() - baseline.overall().ndcg())
                        + " fell below the pinned " + MIN_GAIN_OVER_BASELINE);
    }
}
