package org.evalsearch.evaluate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.evalsearch.index.PassageRecord;

/**
 * The plain reference system: Lucene's {@code StandardAnalyzer} and BM25 over the passage text only, no field
 * boosts, no synonyms, no query understanding, built in memory from the same stored passages. Filters are applied
 * as exact matches on the same tags, so the difference to the engine is ranking alone.
 */
public final class BaselineRetriever implements Retriever, AutoCloseable {
    private static final String TEXT = "text";
    private static final String POS = "pos";

    private final List<PassageRecord> passages;
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    public BaselineRetriever(List<PassageRecord> passages) throws IOException {
        // in reading order, so that ties rank the same whatever the layout of the index they were read from
        this.passages = passages.stream()
                .sorted(Comparator.comparing(PassageRecord::doc).thenComparingInt(PassageRecord::ordinal)).toList();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < this.passages.size(); i++) {
                w.addDocument(document(i, this.passages.get(i)));
            }
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public List<PassageRecord> search(JudgedQuery q, int k) throws IOException {
        Query text;
        if (q.query().isBlank()) {
            text = new MatchAllDocsQuery();
        } else {
            try {
                text = new QueryParser(TEXT, new StandardAnalyzer()).parse(q.query());
            } catch (ParseException e) {
                throw new IllegalArgumentException("baseline cannot parse " + q.id() + ": " + e.getMessage(), e);
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        for (Map.Entry<String, List<String>> f : q.filters().entrySet()) {
            b.add(FacetFilter.anyOf(f.getKey(), f.getValue()), BooleanClause.Occur.FILTER);
        }
        List<PassageRecord> hits = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(b.build(), k).scoreDocs) {
            int pos = Integer.parseInt(searcher.storedFields().document(sd.doc).get(POS));
            hits.add(passages.get(pos));
        }
        return hits;
    }

    private static Document document(int pos, PassageRecord r) {
        Document d = new Document();
        d.add(new StoredField(POS, Integer.toString(pos)));
        d.add(new TextField(TEXT, r.text(), Field.Store.NO));
        FacetFilter.values(r).forEach((dim, values) ->
                values.forEach(v -> d.add(new StringField(FacetFilter.exactField(dim), v, Field.Store.NO))));
        d.add(new IntPoint(FacetFilter.YEAR_POINT, r.year()));
        return d;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}
