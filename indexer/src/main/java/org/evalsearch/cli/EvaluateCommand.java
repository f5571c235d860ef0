package org.evalsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.evaluate.BaselineRetriever;
import org.evalsearch.evaluate.EngineRetriever;
import org.evalsearch.evaluate.Evaluation;
import org.evalsearch.evaluate.JudgedQuery;
import org.evalsearch.evaluate.PassageFile;
import org.evalsearch.evaluate.RebuiltIndex;
import org.evalsearch.evaluate.ReportPrinter;
import org.evalsearch.evaluate.StoredPassages;
import org.evalsearch.index.Analyzers;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.query.DenseFusion;
import org.evalsearch.query.PassageQueryParser;
import org.evalsearch.query.QueryVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score judged queries against an index (nDCG, recall, MRR per query and overall), next to a "
                + "plain StandardAnalyzer + BM25 baseline built from the same passages.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:EVALSEARCH_INDEX:-index}",
            description = "Index folder (env EVALSEARCH_INDEX; default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--queries", paramLabel = "FILE", required = true,
            description = "Judged queries, JSON Lines: id, query, filters, relevant [{doc, quote, grade, occurrence}].")
    Path queries;

    @Option(names = "--k", defaultValue = "10", description = "Cut-off (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--passages", paramLabel = "FILE",
            description = "Rank passages of an export file (rebuilt in memory) instead of the index's.")
    Path passages;

    @Option(names = "--stemmers", split = ",", paramLabel = "NAME",
            description = "Also rank with these English stemmers (kstem, porter, minimal, none), each in an index "
                    + "rebuilt in memory from the same passages.")
    List<Analyzers.Stemmer> stemmers = List.of();

    @Option(names = "--no-filters",
            description = "Ignore the queries' filters: ranking alone, independent of the passage tags.")
    boolean noFilters;

    @Option(names = "--show-hits", description = "Also list each query's hits under every system, judged ones marked.")
    boolean showHits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (passages == null && !IndexFolder.holdsIndex(index)) {
            spec.commandLine().getErr().println(IndexFolder.missing(index));
            return 2;
        }
        if (!Files.isReadable(queries)) {
            spec.commandLine().getErr().println("Cannot read the query file " + queries);
            return 2;
        }
        List<JudgedQuery> judged;
        try {
            judged = JudgedQuery.read(queries);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        if (noFilters) {
            judged = judged.stream().map(q -> new JudgedQuery(q.id(), q.query(), Map.of(), q.relevant())).toList();
        }
        Evaluation evaluation = new Evaluation(judged, k);
        if (passages != null) {
            List<PassageRecord> records = PassageFile.read(passages);
            try (RebuiltIndex rebuilt = new RebuiltIndex(records, Analyzers.Stemmer.DEFAULT)) {
                run(evaluation, rebuilt.reader(), records);
            }
        } else {
            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
                run(evaluation, reader, StoredPassages.all(reader));
            }
        }
        return 0;
    }

    private void run(Evaluation evaluation, DirectoryReader reader, List<PassageRecord> records) throws IOException {
        List<Evaluation.Run> runs = new ArrayList<>();
        try (BaselineRetriever baseline = new BaselineRetriever(records)) {
            runs.add(evaluation.run(baseline));
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        PassageQueryParser parser = PassageQueryParser.forIndex(reader);
        runs.add(evaluation.run(new EngineRetriever("evalsearch", searcher, parser)));
        if (DenseFusion.available(searcher)) {
            runs.add(evaluation.run(new EngineRetriever("words-only", searcher, parser, false)));
        }
        for (Analyzers.Stemmer stemmer : stemmers) {
            try (RebuiltIndex rebuilt = new RebuiltIndex(records, stemmer)) {
                runs.add(evaluation.run(new EngineRetriever("stem:" + stemmer.name().toLowerCase(),
                        new IndexSearcher(rebuilt.reader()), new PassageQueryParser(
                        QueryVocabulary.forIndex(rebuilt.reader(), stemmer)))));
            }
        }
        ReportPrinter printer = new ReportPrinter(System.out, k);
        printer.print(runs);
        if (showHits) {
            runs.forEach(printer::printHits);
        }
    }
}
