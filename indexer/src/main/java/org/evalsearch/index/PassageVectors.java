package org.evalsearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The passage embeddings of dense retrieval, stored in the {@link Schema#VECTOR} field of each passage: unit
 * vectors compared by dot product. An index built without them (see {@code index --no-vectors}) is searched by
 * words alone.
 */
public final class PassageVectors {
    private PassageVectors() {}

    /** Whether to embed passages while indexing. */
    public enum Mode {
        ON, OFF,
        /** As the existing index: on when it already holds vectors, off for a new index. */
        AS_INDEX
    }

    public static KnnFloatVectorField field(float[] vector) {
        return new KnnFloatVectorField(Schema.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT);
    }

    /** The embeddings of a document's passages, in order, on the calling thread. */
    public static List<float[]> embed(List<PassageRecord> passages) {
        SentenceEmbedder embedder = SentenceEmbedder.get();
        List<float[]> out = new ArrayList<>(passages.size());
        for (PassageRecord r : passages) {
            out.add(embedder.passage(r));
        }
        return out;
    }

    /** Whether any passage of the index has a vector. */
    public static boolean present(IndexReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(Schema.VECTOR);
            if (info != null && info.getVectorDimension() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The stored vector of a document of one segment, or null. */
    static float[] read(LeafReader leaf, int docInLeaf) throws IOException {
        FloatVectorValues values = leaf.getFloatVectorValues(Schema.VECTOR);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(docInLeaf) != docInLeaf) {
            return null;
        }
        return values.vectorValue(it.index()).clone();
    }
}
