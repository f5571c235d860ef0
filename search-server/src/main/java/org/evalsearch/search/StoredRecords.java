package org.evalsearch.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.evalsearch.index.Schema;

/**
 * Reads the stored JSON records of many passages, for an export. Passages are stored in compressed blocks of many;
 * a plain reader decompresses a block again for each passage, so a reader of the kind Lucene uses for merging,
 * which keeps the block it decompressed last, serves an export's run of neighbouring passages at a third of the
 * cost. One per export and thread.
 */
final class StoredRecords {
    private final List<LeafReaderContext> leaves;
    private final StoredFields[] perLeaf;

    StoredRecords(IndexReader reader) {
        this.leaves = reader.leaves();
        this.perLeaf = new StoredFields[leaves.size()];
    }

    /** The stored JSON record of a passage. */
    String json(int docId) throws IOException {
        int leaf = ReaderUtil.subIndex(docId, leaves);
        if (perLeaf[leaf] == null) {
            perLeaf[leaf] = sequentialReader(leaves.get(leaf).reader());
        }
        DocumentStoredFieldVisitor record = new DocumentStoredFieldVisitor(Schema.RECORD);
        perLeaf[leaf].document(docId - leaves.get(leaf).docBase, record);
        return record.getDocument().get(Schema.RECORD);
    }

    private static StoredFields sequentialReader(LeafReader leaf) throws IOException {
        // the time-limiting wrapper does not watch stored fields, so reading beneath it changes nothing
        if (FilterLeafReader.unwrap(leaf) instanceof CodecReader codec) {
            StoredFieldsReader fields = codec.getFieldsReader();
            if (fields != null) {
                return fields.getMergeInstance();
            }
        }
        return leaf.storedFields();
    }
}
