package org.evalsearch.evaluate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.index.Schema;

/** Reads passages back from their stored JSON, so another index can be built from exactly the same text. */
public final class StoredPassages {
    private static final Set<String> RECORD_ONLY = Set.of(Schema.RECORD);

    private StoredPassages() {}

    public static List<PassageRecord> all(IndexReader reader) throws IOException {
        List<PassageRecord> records = new ArrayList<>(reader.numDocs());
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    records.add(Schema.fromJson(stored.document(doc, RECORD_ONLY).get(Schema.RECORD)));
                }
            }
        }
        return records;
    }

    public static PassageRecord load(IndexReader reader, int docId) throws IOException {
        return Schema.fromJson(reader.storedFields().document(docId, RECORD_ONLY).get(Schema.RECORD));
    }
}
