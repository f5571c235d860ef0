package org.evalsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.evalsearch.index.PassageRecord;
import org.evalsearch.pipeline.DocumentProcessor;
import org.evalsearch.pipeline.DocumentProcessor.ProcessedDocument;

/**
 * Brings an index up to date with a folder of PDFs: new and changed files (by content hash) are indexed,
 * passages of deleted files removed, unchanged files left alone. Files are processed in parallel; each finished
 * file is committed with the updated report list, so an interrupted run keeps everything committed so far.
 */
public final class IndexRun {

    /** Receives progress as files finish. */
    public interface Listener {
        void started(int files);

        void fileDone(String file, int pages, int passages);

        void fileSkipped(String file, String reason);
    }

    public record Skipped(String file, String reason) {}

    public record Summary(int documents, int pages, int passages, int unchanged, int removed, List<Skipped> skipped,
                          double seconds) {}

    private final Path corpus;
    private final Path indexDir;
    private final int threads;

    public IndexRun(Path corpus, Path indexDir, int threads) {
        this.corpus = corpus;
        this.indexDir = indexDir;
        this.threads = Math.max(1, threads);
    }

    public Summary run(Listener listener) throws IOException {
        long start = System.nanoTime();
        Catalog catalog = Catalog.load(corpus);
        List<Path> files = listPdfs(corpus);
        FacetsConfig facets = Schema.facetsConfig();
        try (Directory dir = FSDirectory.open(indexDir);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Schema.analyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND))) {
            Map<String, ReportMeta> reports = DirectoryReader.indexExists(dir)
                    ? readReports(dir) : new TreeMap<>();

            Map<String, String> hashes = new HashMap<>();
            List<Path> todo = new ArrayList<>();
            int unchanged = 0;
            for (Path f : files) {
                String name = f.getFileName().toString();
                String hash = DocumentProcessor.sha256(f);
                hashes.put(name, hash);
                ReportMeta known = reports.get(name);
                if (known != null && hash.equals(known.sha256())) {
                    unchanged++;
                } else {
                    todo.add(f);
                }
            }
            int removed = 0;
            for (String name : List.copyOf(reports.keySet())) {
                if (!hashes.containsKey(name)) {
                    writer.deleteDocuments(Schema.docTerm(name));
                    reports.remove(name);
                    removed++;
                }
            }
            if (removed > 0) {
                commit(writer, reports);
            }

            listener.started(todo.size());
            DocumentProcessor processor = new DocumentProcessor(catalog);
            List<Skipped> skipped = new ArrayList<>();
            int docs = 0, pages = 0, passages = 0;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CompletionService<ProcessedDocument> done = new ExecutorCompletionService<>(pool);
                Map<Future<ProcessedDocument>, Path> pending = new HashMap<>();
                for (Path f : todo) {
                    String hash = hashes.get(f.getFileName().toString());
                    pending.put(done.submit(() -> processor.process(f, hash)), f);
                }
                for (int i = 0; i < todo.size(); i++) {
                    Future<ProcessedDocument> future = done.take();
                    String name = pending.get(future).getFileName().toString();
                    try {
                        ProcessedDocument d = future.get();
                        List<Document> luceneDocs = new ArrayList<>(d.passages().size());
                        for (PassageRecord r : d.passages()) {
                            luceneDocs.add(facets.build(Schema.toDocument(r)));
                        }
                        writer.deleteDocuments(Schema.docTerm(name));
                        writer.addDocuments(luceneDocs);
                        reports.put(name, d.meta());
                        commit(writer, reports);
                        docs++;
                        pages += d.meta().pageCount();
                        passages += d.passages().size();
                        listener.fileDone(name, d.meta().pageCount(), d.passages().size());
                    } catch (ExecutionException e) {
                        String reason = reason(e.getCause());
                        skipped.add(new Skipped(name, reason));
                        listener.fileSkipped(name, reason);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("indexing interrupted", e);
            } finally {
                pool.shutdownNow();
            }
            return new Summary(docs, pages, passages, unchanged, removed, skipped, (System.nanoTime() - start) / 1e9);
        }
    }

    private static Map<String, ReportMeta> readReports(Directory dir) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            return IndexedReports.read(reader);
        }
    }

    private static void commit(IndexWriter writer, Map<String, ReportMeta> reports) throws IOException {
        writer.setLiveCommitData(Map.of(Schema.REPORTS_COMMIT_KEY, IndexedReports.toJson(reports)).entrySet());
        writer.commit();
    }

    private static String reason(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    /** PDFs directly in the folder, matched case-insensitively, in name order. */
    public static List<Path> listPdfs(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".pdf"))
                    .sorted()
                    .toList();
        }
    }
}
