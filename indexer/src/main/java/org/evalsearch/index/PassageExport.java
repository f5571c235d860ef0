package org.evalsearch.index;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/** Reads every passage of an index back, in document order (report file name, then ordinal). */
public final class PassageExport {
    private PassageExport() {}

    public static List<PassageRecord> all(DirectoryReader reader) throws IOException {
        List<PassageRecord> out = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                if (live == null || live.get(i)) {
                    out.add(Schema.fromJson(stored.document(i).get(Schema.RECORD)));
                }
            }
        }
        out.sort(Comparator.comparing(PassageRecord::doc).thenComparingInt(PassageRecord::ordinal));
        return out;
    }

    public static int writeJsonLines(DirectoryReader reader, Writer w) throws IOException {
        List<PassageRecord> all = all(reader);
        for (PassageRecord r : all) {
            w.write(Schema.toJson(r));
            w.write('\n');
        }
        return all.size();
    }
}
