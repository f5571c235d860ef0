package org.evalsearch.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Entry point of the benchmarks jar; see benchmarks/README.md. */
@Command(name = "benchmarks", mixinStandardHelpOptions = true,
        subcommands = {BenchMain.Corpus.class, BenchRunner.class, SearchProbe.class},
        description = "evalsearch benchmarks: scaled corpus, indexing, search in-process and over HTTP, load run.")
public final class BenchMain implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 2;
    }

    @Command(name = "corpus", mixinStandardHelpOptions = true,
            description = "Write the corpus of N times the bundled one (symbolic links into OUT/all) and print its folder.")
    static final class Corpus implements Callable<Integer> {
        @Option(names = "--source", defaultValue = "corpus", description = "Bundled corpus (default: ${DEFAULT-VALUE}).")
        Path source;

        @Option(names = "--out", required = true, description = "Work folder for the copies.")
        Path out;

        @Parameters(paramLabel = "SCALE", description = "Copies of the bundled corpus, e.g. 1, 10, 100.")
        List<Integer> scales;

        @Override
        public Integer call() throws Exception {
            ScaledCorpus corpus = new ScaledCorpus(source, out);
            for (int scale : scales) {
                System.out.println(corpus.folder(scale));
            }
            return 0;
        }
    }
}
