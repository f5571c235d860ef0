package org.evalsearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.tagging.RepeatFinder;

/**
 * Which passages repeat others, over all the passages of an evaluation (those just processed and those already
 * in the index). Repeats span files, so they cannot be found while files are processed one by one: a run finds
 * them for an evaluation as soon as its files are all processed, before they are indexed
 * ({@link #forNewFiles}), and after its files, for evaluations it changed otherwise (a file removed, or moved to
 * another evaluation; {@link #update}). Passages already in the index whose {@code repeats} change are rewritten.
 */
final class RepeatPass {
    private RepeatPass() {}

    /** Evaluations with a file added, changed or removed between the two report lists. */
    static Set<String> touched(Map<String, ReportMeta> before, Map<String, ReportMeta> after) {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, ReportMeta> e : before.entrySet()) {
            ReportMeta now = after.get(e.getKey());
            if (now == null || !Objects.equals(now.sha256(), e.getValue().sha256())) {
                out.add(key(e.getValue()));
            }
        }
        for (Map.Entry<String, ReportMeta> e : after.entrySet()) {
            ReportMeta then = before.get(e.getKey());
            if (then == null || !Objects.equals(then.sha256(), e.getValue().sha256())) {
                out.add(key(e.getValue()));
            }
        }
        return out;
    }

    /**
     * Updates the passages of the given evaluations whose repeats changed; returns how many were rewritten.
     * Evaluations are independent, so {@code threads} of them are worked on at once.
     */
    static int update(IndexWriter writer, Set<String> evaluations, int threads) throws IOException {
        if (evaluations.isEmpty()) {
            return 0;
        }
        FacetsConfig facets = Schema.facetsConfig();
        AtomicInteger updated = new AtomicInteger();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, evaluations.size())));
            try {
                List<Future<?>> done = new ArrayList<>();
                for (String evaluation : evaluations) {
                    done.add(pool.submit(() -> {
                        updated.addAndGet(update(writer, reader, facets, evaluation));
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("repeat detection interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("repeat detection failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return updated.get();
    }

    private static int update(IndexWriter writer, DirectoryReader reader, FacetsConfig facets, String evaluation)
            throws IOException {
        List<IndexedPassage> indexed = indexed(reader, evaluation, doc -> true);
        return rewriteChanged(writer, reader, facets, indexed, RepeatFinder.find(records(indexed)));
    }

    /**
     * Repeats among the passages of an evaluation's files that the run has just processed ({@code fresh}, not yet
     * indexed) and the evaluation's passages in {@code reader} (the index as the run found it; null when there was
     * none) from files the run left alone ({@code kept}). Those indexed passages whose repeats change are
     * rewritten; the result holds the repeats of the fresh passages by id.
     */
    static Map<String, String> forNewFiles(IndexWriter writer, IndexReader reader, FacetsConfig facets,
                                           String evaluation, List<PassageRecord> fresh, Set<String> kept)
            throws IOException {
        List<IndexedPassage> indexed = reader == null || evaluation.startsWith(DOC_KEY)
                ? List.of() : indexed(reader, evaluation, kept::contains);
        List<PassageRecord> all = new ArrayList<>(fresh.size() + indexed.size());
        all.addAll(fresh);
        all.addAll(records(indexed));
        Map<String, String> repeats = RepeatFinder.find(all);
        rewriteChanged(writer, reader, facets, indexed, repeats);
        return repeats;
    }

    /** A passage read back from the index, with where it is there. */
    private record IndexedPassage(PassageRecord record, int doc) {}

    private static List<PassageRecord> records(List<IndexedPassage> indexed) {
        List<PassageRecord> out = new ArrayList<>(indexed.size());
        indexed.forEach(p -> out.add(p.record()));
        return out;
    }

    /** The evaluation's passages in the reader whose file passes the filter. */
    private static List<IndexedPassage> indexed(IndexReader reader, String evaluation, Predicate<String> file)
            throws IOException {
        Term term = evaluation.startsWith(DOC_KEY)
                ? Schema.docTerm(evaluation.substring(DOC_KEY.length()))
                : new Term(Schema.EVALUATION, evaluation);
        StoredFields stored = reader.storedFields();
        List<IndexedPassage> records = new ArrayList<>();
        for (int doc : liveDocs(reader, term)) {
            PassageRecord r = Schema.fromJson(stored.document(doc).get(Schema.RECORD));
            if (file.test(r.doc())) {
                records.add(new IndexedPassage(r, doc));
            }
        }
        return records;
    }

    /** Rewrites the records of {@code reader} whose repeats changed, each keeping its embedding if it has one. */
    private static int rewriteChanged(IndexWriter writer, IndexReader reader, FacetsConfig facets,
                                      List<IndexedPassage> indexed, Map<String, String> repeats) throws IOException {
        int updated = 0;
        for (IndexedPassage p : indexed) {
            PassageRecord r = p.record();
            String now = repeats.get(r.id());
            if (!Objects.equals(now, r.repeats())) {
                // a passage that stops repeating is searched again, by meaning too
                LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(p.doc(), reader.leaves()));
                float[] vector = PassageVectors.read(leaf.reader(), p.doc() - leaf.docBase);
                writer.updateDocument(Schema.idTerm(r.id()), facets.build(Schema.toDocument(r.withRepeats(now), vector)));
                updated++;
            }
        }
        return updated;
    }

    /** The live documents holding the term (read from the postings: a top-N search would size N by the index). */
    private static List<Integer> liveDocs(IndexReader reader, Term term) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                if (live == null || live.get(d)) {
                    out.add(leaf.docBase + d);
                }
            }
        }
        return out;
    }

    private static final String DOC_KEY = "doc:";

    /** A report without an evaluation id is an evaluation of its own. */
    static String key(ReportMeta m) {
        return key(m.evaluation(), m.doc());
    }

    static String key(String evaluation, String doc) {
        return evaluation != null && !evaluation.isBlank() ? evaluation : DOC_KEY + doc;
    }
}
