package org.evalsearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.index.IndexedReports;
import org.evalsearch.index.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open index: a {@link SearcherManager} refreshed in the background, so that the server keeps answering
 * from the last commit while an {@code index} run writes to the same folder, and sees its commits shortly after.
 * What is costly to derive from a reader (facet ordinals, the report list) is computed once per reader. Each
 * request has a deadline, enforced both by the searcher's timeout and by an {@link ExitableDirectoryReader}.
 */
public final class IndexAccess implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexAccess.class);

    /** The deadline of the request this thread serves, or null outside requests. */
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();
    /**
     * Searches that run at once. More than a few per core only share the CPU, so each takes longer and, under
     * heavy load, ordinary queries overran their time budget and were refused as too costly. Waiting for a turn
     * happens before a request's budget starts, so the budget measures the query's own cost.
     */
    private static final int CONCURRENT_SEARCHES = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final Path indexDir;
    /** Set once the index is open; closed with this. */
    private volatile Directory dir;
    /** Complete once the first reader is open (at once for {@link #open}). */
    private final CompletableFuture<SearcherManager> manager;
    private final ScheduledExecutorService refresher;
    private volatile ReaderFacts facts;
    private final FacetOrdinals facetOrdinals = new FacetOrdinals(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    private final Semaphore turns = new Semaphore(CONCURRENT_SEARCHES, true);

    /**
     * What the server needs from one reader besides the reader itself, read once per reader: its facet state and
     * the labels of its facet values, its reports, when it was committed, and its merged field infos (which the
     * highlighter would otherwise merge from every segment for each search).
     */
    private record ReaderFacts(IndexReader reader, SortedSetDocValuesReaderState facetState,
                               OrdinalLabels ordinalLabels, Map<String, ReportMeta> reports, Instant committed,
                               FieldInfos fieldInfos) {}

    private IndexAccess(Path indexDir, CompletableFuture<SearcherManager> manager, long refreshMillis) {
        this.indexDir = indexDir;
        this.manager = manager;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    }

    /** Opens an existing index; {@code refreshMillis} is how often new commits are looked for. */
    public static IndexAccess open(Path indexDir, long refreshMillis) throws IOException {
        Directory dir = directory(indexDir);
        try {
            IndexAccess access = new IndexAccess(indexDir, CompletableFuture.completedFuture(searcherManager(dir)),
                    refreshMillis);
            access.dir = dir;
            return access;
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /**
     * Like {@link #open}, but reads the index (and the facet ordinals and report list of its first reader) on
     * another thread and returns at once, so that the server loads its web layer on the second core meanwhile
     * and answers sooner after start. Requests wait for the reader; {@link #awaitOpen} says whether it opened.
     */
    public static IndexAccess openInBackground(Path indexDir, long refreshMillis) {
        CompletableFuture<SearcherManager> opening = new CompletableFuture<>();
        IndexAccess access = new IndexAccess(indexDir, opening, refreshMillis);
        // even opening the directory stays off the caller's thread: it loads Lucene's memory-mapping layer
        Thread.ofPlatform().daemon().name("index-open").start(() -> {
            Directory dir = null;
            SearcherManager m = null;
            try {
                dir = directory(indexDir);
                m = searcherManager(dir);
                IndexSearcher first = m.acquire();
                try {
                    access.factsFor(first.getIndexReader());
                } finally {
                    m.release(first);
                }
            } catch (IOException | RuntimeException e) {
                IOUtils.closeWhileHandlingException(m, dir);
                opening.completeExceptionally(e);
                return;
            }
            access.dir = dir;
            opening.complete(m);
            access.readFacetOrdinals();
        });
        return access;
    }

    /**
     * Reads the facet ordinals of the current reader's segments now (only new segments cost anything), so that
     * the first search after start-up or a refresh does not wait for them (~250 ms for 200k passages).
     */
    private void readFacetOrdinals() {
        try {
            SearcherManager m = manager();
            IndexSearcher current = m.acquire();
            try {
                for (LeafReaderContext leaf : current.getIndexReader().leaves()) {
                    facetOrdinals.of(leaf.reader());
                }
            } finally {
                m.release(current);
            }
        } catch (AlreadyClosedException e) {
            // closed while it read ahead (a server that could not start): nothing will search
        } catch (IOException | RuntimeException e) {
            LOG.warn("reading facet ordinals ahead failed; searches will read them: {}", e.toString());
        }
    }

    /** Waits until the index is open. */
    public void awaitOpen() throws IOException {
        manager();
    }

    private static Directory directory(Path indexDir) throws IOException {
        Directory dir = FSDirectory.open(indexDir);
        if (!DirectoryReader.indexExists(dir)) {
            dir.close();
            throw new IOException("no index in " + indexDir);
        }
        return dir;
    }

    private static SearcherManager searcherManager(Directory dir) throws IOException {
        DirectoryReader reader = ExitableDirectoryReader.wrap(DirectoryReader.open(dir), IndexAccess::pastDeadline);
        return new SearcherManager(reader, null);
    }

    private SearcherManager manager() throws IOException {
        try {
            return manager.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot open the index in " + indexDir + ": " + e.getCause(), e.getCause());
        }
    }

    /** Picks up a new commit now instead of at the next scheduled refresh. */
    public void refresh() {
        try {
            if (newerCommitListed() && manager().maybeRefresh()) {
                readFacetOrdinals();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("index refresh failed; still serving the previous commit: {}", e.toString());
        }
    }

    /**
     * Whether the folder lists a later commit than the one searched. {@code maybeRefresh} would find out by reading
     * the whole latest commit point, report list included, each time: at 700 reports a 670 KB string every refresh
     * interval, even on an idle index, which the collector allocates outside the young generation.
     */
    private boolean newerCommitListed() throws IOException {
        IndexSearcher current = manager().acquire();
        try {
            DirectoryReader reader = (DirectoryReader) current.getIndexReader();
            return SegmentInfos.getLastCommitGeneration(reader.directory().listAll())
                    != reader.getIndexCommit().getGeneration();
        } finally {
            manager().release(current);
        }
    }

    /** The version of the commit searches see now, read without waiting for a search turn. */
    public long currentVersion() throws IOException {
        IndexSearcher current = manager().acquire();
        try {
            return ((DirectoryReader) current.getIndexReader()).getVersion();
        } finally {
            manager().release(current);
        }
    }

    /**
     * A view of the current commit for one request, with its own searcher so that the time budget applies to
     * this request only. Close it when done.
     */
    public IndexView acquire(long timeoutMillis) throws IOException {
        return acquire(timeoutMillis, true);
    }

    /**
     * @param queued false for a view held while a response streams (an export): its client, not the CPU, sets
     *               its pace, so it must not hold one of the few search turns
     */
    public IndexView acquire(long timeoutMillis, boolean queued) throws IOException {
        // a view opened inside another (parsing during an export) already has its turn and its deadline
        Long outer = DEADLINE.get();
        boolean turn = queued && outer == null;
        if (turn) {
            turns.acquireUninterruptibly();
        }
        IndexSearcher shared;
        try {
            shared = manager().acquire();
        } catch (IOException | RuntimeException e) {
            releaseTurn(turn);
            throw e;
        }
        try {
            ReaderFacts f = factsFor(shared.getIndexReader());
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setSimilarity(shared.getSimilarity());
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            DEADLINE.set(deadline);
            searcher.setTimeout(() -> System.nanoTime() - deadline > 0);
            return new IndexView(searcher, f.facetState(), facetOrdinals, f.ordinalLabels(), f.reports(),
                    f.committed(), f.fieldInfos(), timeoutMillis, () -> {
                restoreDeadline(outer);
                release(shared);
                releaseTurn(turn);
            });
        } catch (IOException | RuntimeException e) {
            restoreDeadline(outer);
            manager().release(shared);
            releaseTurn(turn);
            throw e;
        }
    }

    private static void restoreDeadline(Long outer) {
        if (outer == null) {
            DEADLINE.remove();
        } else {
            DEADLINE.set(outer);
        }
    }

    private void releaseTurn(boolean turn) {
        if (turn) {
            turns.release();
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            manager().release(searcher);
        } catch (IOException e) {
            LOG.warn("releasing a searcher failed: {}", e.toString());
        }
    }

    private ReaderFacts factsFor(IndexReader reader) throws IOException {
        ReaderFacts f = facts;
        if (f != null && f.reader() == reader) {
            return f;
        }
        synchronized (this) {
            f = facts;
            if (f != null && f.reader() == reader) {
                return f;
            }
            DirectoryReader dr = (DirectoryReader) reader;
            SortedSetDocValuesReaderState state = dr.numDocs() == 0 ? null
                    : new DefaultSortedSetDocValuesReaderState(dr, Schema.facetsConfig());
            Path segments = indexDir.resolve(dr.getIndexCommit().getSegmentsFileName());
            Instant committed = Files.exists(segments) ? Files.getLastModifiedTime(segments).toInstant() : null;
            Map<String, ReportMeta> reports = IndexedReports.read(dr);
            f = new ReaderFacts(reader, state, OrdinalLabels.read(state, reports), reports, committed,
                    FieldInfos.getMergedFieldInfos(dr));
            facts = f;
            return f;
        }
    }

    /**
     * The reader checks this while it enumerates terms (wildcard, fuzzy and regexp expansion) and reads points
     * and doc values: work the searcher's own timeout, which only watches the scoring loop, does not see.
     */
    static boolean pastDeadline() {
        Long deadline = DEADLINE.get();
        return deadline != null && System.nanoTime() - deadline > 0;
    }

    /** Gives the current request a new time budget, e.g. for counting facets after its hits were found. */
    static void extendDeadline(long timeoutMillis) {
        DEADLINE.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        try {
            if (!manager.isCompletedExceptionally()) {
                manager().close();
            }
        } finally {
            Directory d = dir;
            if (d != null) {
                d.close();
            }
        }
    }
}
