package org.evalsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.catalog.Catalog;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.pipeline.BoundedWorker;
import org.evalsearch.pipeline.DocumentProcessor;
import org.evalsearch.pipeline.DocumentProcessor.ProcessedDocument;
import org.evalsearch.pipeline.ExtractionLimits;
import org.evalsearch.pipeline.RejectedPdfException;

/**
 * Brings an index up to date with a folder of PDFs: new and changed files (by content hash) are indexed,
 * passages of deleted files removed, unchanged files left alone. Files are processed in parallel, each in a
 * {@link BoundedWorker} (time budget, fixed stack), so one bad file is skipped with a reason and never stops the
 * run. Each finished file is committed with the updated report list, so a crash (even kill -9) keeps everything
 * committed so far and the next run picks up the rest.
 */
public final class IndexRun {

    /** Receives progress as files finish; called from the thread that runs {@link #run}. */
    public interface Listener {
        void started(int files);

        void fileDone(String file, int pages, int passages);

        void fileSkipped(String file, String reason);

        default void fileWarning(String file, String warning) {}
    }

    public record Skipped(String file, String reason) {}

    /** Something wrong with a file that was indexed anyway, e.g. a repaired cross-reference table. */
    public record Warning(String file, String message) {}

    public record Summary(int documents, int pages, int passages, int unchanged, int removed, List<Skipped> skipped,
                          List<Warning> warnings, double seconds) {}

    private final Path corpus;
    private final Path indexDir;
    private final int threads;
    private final ExtractionLimits limits;
    private final boolean retrySkipped;

    public IndexRun(Path corpus, Path indexDir, int threads) {
        this(corpus, indexDir, threads, ExtractionLimits.defaults(), false);
    }

    /** @param retrySkipped also retry files skipped by an earlier run although they did not change */
    public IndexRun(Path corpus, Path indexDir, int threads, ExtractionLimits limits, boolean retrySkipped) {
        this.corpus = corpus;
        this.indexDir = indexDir;
        this.threads = Math.max(1, threads);
        this.limits = limits;
        this.retrySkipped = retrySkipped;
    }

    public Summary run(Listener listener) throws IOException {
        long start = System.nanoTime();
        Catalog catalog = Catalog.load(corpus);
        List<Path> files = listPdfs(corpus);
        try (Directory dir = FSDirectory.open(indexDir);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Schema.analyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND))) {
            State state = State.read(dir);
            Map<String, ReportMeta> before = Map.copyOf(state.reports);
            List<Skipped> skipped = new ArrayList<>();
            Map<String, String> hashes = new HashMap<>();
            List<Path> todo = new ArrayList<>();
            int unchanged = 0;
            for (Path f : files) {
                String name = f.getFileName().toString();
                String hash = DocumentProcessor.sha256(f);
                hashes.put(name, hash);
                ReportMeta known = state.reports.get(name);
                SkippedFiles.Entry skippedBefore = state.skipped.get(name);
                if (known != null && hash.equals(known.sha256())) {
                    unchanged++;
                } else if (skippedBefore != null && hash.equals(skippedBefore.sha256()) && !retrySkipped) {
                    skipped.add(new Skipped(name, skippedBefore.reason() + " (unchanged since an earlier run)"));
                } else {
                    todo.add(f);
                }
            }
            int removed = removeDeleted(writer, state, hashes);

            listener.started(todo.size());
            Totals totals = indexFiles(writer, state, new DocumentProcessor(catalog, limits), todo, hashes, listener);
            skipped.addAll(totals.skipped);
            skipped.sort(Comparator.comparing(Skipped::file));
            // post-pass: repeats span the files of an evaluation, so they are set once its files are all in
            state.changed |= RepeatPass.update(writer, RepeatPass.touched(before, state.reports)) > 0;
            state.commitIfChanged(writer);
            return new Summary(totals.docs, totals.pages, totals.passages, unchanged, removed, List.copyOf(skipped),
                    List.copyOf(totals.warnings), (System.nanoTime() - start) / 1e9);
        }
    }

    private int removeDeleted(IndexWriter writer, State state, Map<String, String> present) throws IOException {
        int removed = 0;
        for (String name : List.copyOf(state.reports.keySet())) {
            if (!present.containsKey(name)) {
                writer.deleteDocuments(Schema.docTerm(name));
                state.reports.remove(name);
                state.changed = true;
                removed++;
            }
        }
        state.changed |= state.skipped.keySet().retainAll(present.keySet());
        state.commitIfChanged(writer);
        return removed;
    }

    private static final class Totals {
        int docs, pages, passages;
        final List<Skipped> skipped = new ArrayList<>();
        final List<Warning> warnings = new ArrayList<>();
    }

    private Totals indexFiles(IndexWriter writer, State state, DocumentProcessor processor, List<Path> todo,
                              Map<String, String> hashes, Listener listener) throws IOException {
        FacetsConfig facets = Schema.facetsConfig();
        BoundedWorker worker = new BoundedWorker(limits.fileTimeout());
        Totals totals = new Totals();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            for (Path f : todo) {
                String name = f.getFileName().toString();
                String hash = hashes.get(name);
                done.submit(() -> {
                    try {
                        return new Outcome(name, hash, worker.run(name, c -> processor.process(f, hash, c)), null);
                    } catch (RejectedPdfException e) {
                        return new Outcome(name, hash, null, e.reason());
                    }
                });
            }
            for (int i = 0; i < todo.size(); i++) {
                Outcome o = done.take().get();
                // whatever happens to the new version, passages of an older version of the file are stale
                writer.deleteDocuments(Schema.docTerm(o.name));
                state.reports.remove(o.name);
                if (o.document == null) {
                    state.skipped.put(o.name, new SkippedFiles.Entry(o.hash, o.reason));
                    state.changed = true;
                    totals.skipped.add(new Skipped(o.name, o.reason));
                    listener.fileSkipped(o.name, o.reason);
                    continue;
                }
                ProcessedDocument d = o.document;
                List<Document> luceneDocs = new ArrayList<>(d.passages().size());
                for (PassageRecord r : d.passages()) {
                    luceneDocs.add(facets.build(Schema.toDocument(r)));
                }
                writer.addDocuments(luceneDocs);
                state.reports.put(o.name, d.meta());
                state.skipped.remove(o.name);
                state.changed = true;
                state.commitIfChanged(writer);
                totals.docs++;
                totals.pages += d.meta().pageCount();
                totals.passages += d.passages().size();
                for (String w : d.warnings()) {
                    totals.warnings.add(new Warning(o.name, w));
                    listener.fileWarning(o.name, w);
                }
                listener.fileDone(o.name, d.meta().pageCount(), d.passages().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("indexing failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return totals;
    }

    /** One file's result: its processed document, or the reason it was skipped. */
    private record Outcome(String name, String hash, ProcessedDocument document, String reason) {}

    /** What the last commit says the index holds, updated as files finish and written back with each commit. */
    private static final class State {
        final Map<String, ReportMeta> reports;
        final Map<String, SkippedFiles.Entry> skipped;
        boolean changed;

        private State(Map<String, ReportMeta> reports, Map<String, SkippedFiles.Entry> skipped) {
            this.reports = reports;
            this.skipped = skipped;
        }

        static State read(Directory dir) throws IOException {
            if (!DirectoryReader.indexExists(dir)) {
                return new State(new TreeMap<>(), new TreeMap<>());
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return new State(IndexedReports.read(reader), SkippedFiles.read(reader.getIndexCommit()));
            }
        }

        void commitIfChanged(IndexWriter writer) throws IOException {
            if (changed) {
                writer.setLiveCommitData(Map.of(
                        Schema.REPORTS_COMMIT_KEY, IndexedReports.toJson(reports),
                        SkippedFiles.COMMIT_KEY, SkippedFiles.toJson(skipped)).entrySet());
                writer.commit();
                changed = false;
            }
        }
    }

    /** PDFs directly in the folder, matched case-insensitively, in name order. */
    public static List<Path> listPdfs(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .sorted()
                    .toList();
        }
    }
}
