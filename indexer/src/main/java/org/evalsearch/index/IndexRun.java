package org.evalsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
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
 * run. Finished files are committed with the updated report list (the first at once, then at most every
 * {@link #COMMIT_INTERVAL_NANOS}), so a crash (even kill -9) keeps everything committed so far and the next run
 * picks up the rest: at most a few seconds of work is redone, and there are far fewer commits (each a flush, an
 * fsync and later merges of small segments) than files.
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

    /** Finished files are committed together when at least this long has passed since the last commit. */
    static final long COMMIT_INTERVAL_NANOS = 5_000_000_000L;

    /** Something wrong with a file that was indexed anyway, e.g. a repaired cross-reference table. */
    public record Warning(String file, String message) {}

    public record Summary(int documents, int pages, int passages, int unchanged, int removed, List<Skipped> skipped,
                          List<Warning> warnings, double seconds) {}

    private final Path corpus;
    private final Path indexDir;
    private final int threads;
    private final ExtractionLimits limits;
    private final boolean retrySkipped;
    private final PassageVectors.Mode vectors;

    public IndexRun(Path corpus, Path indexDir, int threads) {
        this(corpus, indexDir, threads, ExtractionLimits.defaults(), false);
    }

    /** @param retrySkipped also retry files skipped by an earlier run although they did not change */
    public IndexRun(Path corpus, Path indexDir, int threads, ExtractionLimits limits, boolean retrySkipped) {
        this(corpus, indexDir, threads, limits, retrySkipped, PassageVectors.Mode.AS_INDEX);
    }

    /** @param vectors whether passages get embeddings for dense retrieval */
    public IndexRun(Path corpus, Path indexDir, int threads, ExtractionLimits limits, boolean retrySkipped,
                    PassageVectors.Mode vectors) {
        this.corpus = corpus;
        this.indexDir = indexDir;
        this.threads = Math.max(1, threads);
        this.limits = limits;
        this.retrySkipped = retrySkipped;
        this.vectors = vectors;
    }

    public Summary run(Listener listener) throws IOException {
        long start = System.nanoTime();
        Catalog catalog = Catalog.load(corpus);
        // the tagging data loads on another thread while this one opens the index and decides what to do
        FutureTask<DocumentProcessor> processor = new FutureTask<>(() -> new DocumentProcessor(catalog, limits));
        Thread.ofPlatform().daemon().name("load tagging data").start(processor);
        List<Path> files = listPdfs(corpus);
        try (Directory dir = FSDirectory.open(indexDir);
             // a run that fails keeps its last commit, as after a crash: closing must not commit passages of files
             // the commit's report list does not name yet
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Schema.analyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setCommitOnClose(false));
             // the index as the run found it: what its last commit says, and the passages of files left alone
             DirectoryReader indexed = DirectoryReader.indexExists(dir) ? DirectoryReader.open(dir) : null) {
            State state = State.read(indexed);
            boolean embed = switch (vectors) {
                case ON -> true;
                case OFF -> false;
                case AS_INDEX -> state.hasVectors;
            };
            Map<String, ReportMeta> before = Map.copyOf(state.reports);
            List<Skipped> skipped = new ArrayList<>();
            Set<String> present = new HashSet<>();
            // hashes of the files the index knows; a file it does not know is indexed whatever its hash, which its
            // worker then computes, so that a new archive's files are not all read once more before work starts
            Map<String, String> hashes = new HashMap<>();
            List<Path> todo = new ArrayList<>();
            Set<String> kept = new HashSet<>();
            for (Path f : files) {
                String name = f.getFileName().toString();
                present.add(name);
                ReportMeta known = state.reports.get(name);
                SkippedFiles.Entry skippedBefore = state.skipped.get(name);
                if (known == null && (skippedBefore == null || retrySkipped)) {
                    todo.add(f);
                    continue;
                }
                String hash = DocumentProcessor.sha256(f);
                hashes.put(name, hash);
                if (known != null && hash.equals(known.sha256()) && catalog.agreesWith(known)) {
                    kept.add(name);
                } else if (skippedBefore != null && hash.equals(skippedBefore.sha256()) && !retrySkipped) {
                    skipped.add(new Skipped(name, skippedBefore.reason() + " (unchanged since an earlier run)"));
                } else {
                    todo.add(f);
                }
            }
            int removed = removeDeleted(writer, state, present);

            Totals totals = indexFiles(writer, state, loaded(processor), catalog, todo, hashes, indexed, kept,
                    embed, listener);
            skipped.addAll(totals.skipped);
            skipped.sort(Comparator.comparing(Skipped::file));
            // evaluations changed otherwise (a file removed or moved to another evaluation) are looked at again
            Set<String> touched = RepeatPass.touched(before, state.reports);
            touched.removeAll(totals.evaluations);
            state.changed |= RepeatPass.update(writer, touched, threads) > 0;
            state.commitIfChanged(writer);
            List<Warning> warnings = new ArrayList<>();
            catalog.problem().ifPresent(p -> warnings.add(new Warning(Catalog.FILE_NAME, p)));
            warnings.addAll(pdfsInSubfolders(corpus));
            warnings.addAll(totals.warnings);
            return new Summary(totals.docs, totals.pages, totals.passages, kept.size(), removed,
                    List.copyOf(skipped), List.copyOf(warnings), (System.nanoTime() - start) / 1e9);
        }
    }

    /** The processor built on the loading thread; what stopped it (e.g. a broken data file) is thrown here. */
    private static DocumentProcessor loaded(FutureTask<DocumentProcessor> processor) throws IOException {
        try {
            return processor.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing interrupted", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                case IOException r -> throw r;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    private int removeDeleted(IndexWriter writer, State state, Set<String> present) throws IOException {
        int removed = 0;
        for (String name : List.copyOf(state.reports.keySet())) {
            if (!present.contains(name)) {
                writer.deleteDocuments(Schema.docTerm(name));
                state.reports.remove(name);
                state.changed = true;
                removed++;
            }
        }
        state.changed |= state.skipped.keySet().retainAll(present);
        state.commitIfChanged(writer);
        return removed;
    }

    private static final class Totals {
        int docs, pages, passages;
        final List<Skipped> skipped = new ArrayList<>();
        final List<Warning> warnings = new ArrayList<>();
        /** Evaluations whose repeats were found as their files were indexed. */
        final Set<String> evaluations = new HashSet<>();
    }

    /** The files of one evaluation in this run, and those of them processed so far. */
    private static final class Group {
        int waiting;
        final List<ProcessedDocument> documents = new ArrayList<>();
        /** Passage embeddings by file, when the run embeds. */
        final Map<String, List<float[]>> vectors = new HashMap<>();
    }

    /**
     * Processes the files in parallel, submitted evaluation by evaluation, and indexes each evaluation's files once
     * they are all processed, with their repeats set (see {@link RepeatPass#forNewFiles}): a passage is analysed
     * once, not indexed and then rewritten by a pass over the whole index at the end of the run.
     *
     * @param indexed the index as the run found it (null when there was none), for passages of files left alone
     * @param kept    the files left alone
     * @param embed   whether to embed passages (in the file's worker, after extraction)
     */
    private Totals indexFiles(IndexWriter writer, State state, DocumentProcessor processor, Catalog catalog,
                              List<Path> todo, Map<String, String> hashes, IndexReader indexed, Set<String> kept,
                              boolean embed, Listener listener) throws IOException {
        FacetsConfig facets = Schema.facetsConfig();
        BoundedWorker worker = new BoundedWorker(limits.fileTimeout());
        Totals totals = new Totals();
        Map<String, List<Path>> byEvaluation = new LinkedHashMap<>();
        Map<String, String> evaluationOf = new HashMap<>();
        for (Path f : largestFirst(todo)) {
            String name = f.getFileName().toString();
            String key = RepeatPass.key(catalog.find(name).map(ReportMeta::evaluation).orElse(null), name);
            byEvaluation.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            evaluationOf.put(name, key);
        }
        Map<String, Group> groups = new HashMap<>();
        byEvaluation.forEach((key, files) -> groups.computeIfAbsent(key, k -> new Group()).waiting = files.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            // evaluations in the order of their largest file (the map keeps first appearance in the largest-first
            // list), so that the largest files start first and the run does not end with one core on a big report
            for (List<Path> files : byEvaluation.values()) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    String known = hashes.get(name);
                    done.submit(() -> {
                        String hash = known != null ? known : DocumentProcessor.sha256(f);
                        ProcessedDocument d;
                        try {
                            d = worker.run(name, c -> processor.process(f, hash, c));
                        } catch (RejectedPdfException e) {
                            return new Outcome(name, hash, null, null, e.reason());
                        }
                        // outside the file's time budget, which bounds extraction: embedding time grows with the text
                        return new Outcome(name, hash, d, embed ? PassageVectors.embed(d.passages()) : null, null);
                    });
                }
            }
            listener.started(todo.size());
            for (int i = 0; i < todo.size(); i++) {
                Outcome o = done.take().get();
                // whatever happens to the new version, passages of an older version of the file are stale
                writer.deleteDocuments(Schema.docTerm(o.name));
                state.reports.remove(o.name);
                String key = evaluationOf.get(o.name);
                Group group = groups.get(key);
                group.waiting--;
                if (o.document == null) {
                    state.skipped.put(o.name, new SkippedFiles.Entry(o.hash, o.reason));
                    state.changed = true;
                    totals.skipped.add(new Skipped(o.name, o.reason));
                    listener.fileSkipped(o.name, o.reason);
                } else {
                    group.documents.add(o.document);
                    if (o.vectors != null) {
                        group.vectors.put(o.document.meta().doc(), o.vectors);
                    }
                }
                if (group.waiting == 0) {
                    groups.remove(key);
                    indexEvaluation(writer, state, facets, indexed, kept, key, group.documents, group.vectors, totals,
                            listener);
                    state.commitIfDue(writer);
                }
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

    private void indexEvaluation(IndexWriter writer, State state, FacetsConfig facets, IndexReader indexed,
                                 Set<String> kept, String evaluation, List<ProcessedDocument> documents,
                                 Map<String, List<float[]>> vectors, Totals totals, Listener listener)
            throws IOException {
        List<PassageRecord> fresh = new ArrayList<>();
        documents.forEach(d -> fresh.addAll(d.passages()));
        Map<String, String> repeats = RepeatPass.forNewFiles(writer, indexed, facets, evaluation, fresh, kept);
        totals.evaluations.add(evaluation);
        state.changed = true;
        for (ProcessedDocument d : documents) {
            String name = d.meta().doc();
            List<Document> luceneDocs = new ArrayList<>(d.passages().size());
            List<float[]> embeddings = vectors.get(name);
            for (int p = 0; p < d.passages().size(); p++) {
                PassageRecord r = d.passages().get(p);
                String repeatsId = repeats.get(r.id());
                luceneDocs.add(facets.build(Schema.toDocument(repeatsId == null ? r : r.withRepeats(repeatsId),
                        embeddings == null ? null : embeddings.get(p))));
            }
            writer.addDocuments(luceneDocs);
            state.reports.put(name, d.meta());
            state.skipped.remove(name);
            totals.docs++;
            totals.pages += d.meta().pageCount();
            totals.passages += d.passages().size();
            for (String w : d.warnings()) {
                totals.warnings.add(new Warning(name, w));
                listener.fileWarning(name, w);
            }
            listener.fileDone(name, d.meta().pageCount(), d.passages().size());
        }
    }

    /** The files by size, largest first (a file that cannot be read counts as empty: its worker reports it). */
    private static List<Path> largestFirst(List<Path> files) {
        Map<Path, Long> sizes = new HashMap<>();
        for (Path f : files) {
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                size = 0;
            }
            sizes.put(f, size);
        }
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing((Path f) -> sizes.get(f)).reversed());
        return sorted;
    }

    /** One file's result: its processed document, or the reason it was skipped. */
    private record Outcome(String name, String hash, ProcessedDocument document, List<float[]> vectors,
                           String reason) {}

    /** What the last commit says the index holds, updated as files finish and written back with each commit. */
    private static final class State {
        final Map<String, ReportMeta> reports;
        final Map<String, SkippedFiles.Entry> skipped;
        final boolean hasVectors;
        boolean changed;
        private long lastCommit;
        private boolean committed;

        private State(Map<String, ReportMeta> reports, Map<String, SkippedFiles.Entry> skipped, boolean hasVectors) {
            this.reports = reports;
            this.skipped = skipped;
            this.hasVectors = hasVectors;
        }

        /** The state of the index {@code reader} reads (null: there is no index yet). */
        static State read(DirectoryReader reader) throws IOException {
            if (reader == null) {
                return new State(new TreeMap<>(), new TreeMap<>(), false);
            }
            return new State(IndexedReports.read(reader), SkippedFiles.read(reader.getIndexCommit()),
                    PassageVectors.present(reader));
        }

        /** Commits the first change at once, later ones when the commit interval has passed. */
        void commitIfDue(IndexWriter writer) throws IOException {
            if (!committed || System.nanoTime() - lastCommit >= COMMIT_INTERVAL_NANOS) {
                commitIfChanged(writer);
            }
        }

        void commitIfChanged(IndexWriter writer) throws IOException {
            if (changed) {
                writer.setLiveCommitData(Map.of(
                        Schema.REPORTS_COMMIT_KEY, IndexedReports.toJson(reports),
                        SkippedFiles.COMMIT_KEY, SkippedFiles.toJson(skipped)).entrySet());
                writer.commit();
                changed = false;
                committed = true;
                lastCommit = System.nanoTime();
            }
        }
    }

    /** PDFs directly in the folder, matched case-insensitively, in name order. */
    public static List<Path> listPdfs(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(IndexRun::isPdfName).sorted().toList();
        }
    }

    private static boolean isPdfName(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
    }

    /**
     * PDFs in the folder's subfolders (two levels down), which a run leaves out: a report's name is its id, and
     * an archive sorted into folders by year may hold two files of one name. Said so that a folder of folders
     * does not look like an empty corpus.
     */
    static List<Warning> pdfsInSubfolders(Path folder) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path sub : s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                long pdfs;
                try (Stream<Path> inside = Files.walk(sub, 2)) {
                    pdfs = inside.filter(Files::isRegularFile).filter(IndexRun::isPdfName).count();
                }
                if (pdfs > 0) {
                    warnings.add(new Warning(folder.relativize(sub) + "/", pdfs + " PDF" + (pdfs == 1 ? "" : "s")
                            + " in this subfolder left out: only the folder's own files are indexed"));
                }
            }
        }
        return warnings;
    }
}
