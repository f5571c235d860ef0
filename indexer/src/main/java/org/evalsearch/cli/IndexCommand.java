package org.evalsearch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.evalsearch.index.IndexRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index the PDFs of a folder; re-running indexes only new or changed files and drops deleted ones.")
final class IndexCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Folder of PDFs (with an optional catalog.csv).")
    Path folder;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:EVALSEARCH_INDEX:-index}",
            description = "Index folder (env EVALSEARCH_INDEX; default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--threads", defaultValue = "${env:EVALSEARCH_THREADS:-0}",
            description = "Documents extracted in parallel (env EVALSEARCH_THREADS; 0 = one per core).")
    int threads;

    @Override
    public Integer call() throws Exception {
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        IndexRun.Summary s;
        try (ProgressReporter progress = new ProgressReporter()) {
            s = new IndexRun(folder, index, workers).run(progress);
        }
        System.out.printf("Indexed %d documents, %d pages, %d passages in %.1f s (%d unchanged, %d removed).%n",
                s.documents(), s.pages(), s.passages(), s.seconds(), s.unchanged(), s.removed());
        if (!s.skipped().isEmpty()) {
            System.out.printf("Skipped %d files:%n", s.skipped().size());
            s.skipped().forEach(k -> System.out.printf("  %s: %s%n", k.file(), k.reason()));
        }
        return 0;
    }

    /** A terminal progress bar of files, with pages and passages so far. */
    private static final class ProgressReporter implements IndexRun.Listener, AutoCloseable {
        private ProgressBar bar;
        private int pages, passages;

        @Override
        public void started(int files) {
            bar = new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(files).setUnit(" files", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().continuousUpdate().build();
        }

        @Override
        public synchronized void fileDone(String file, int pages, int passages) {
            this.pages += pages;
            this.passages += passages;
            bar.setExtraMessage(this.pages + " pages, " + this.passages + " passages");
            bar.step();
        }

        @Override
        public synchronized void fileSkipped(String file, String reason) {
            bar.step();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
