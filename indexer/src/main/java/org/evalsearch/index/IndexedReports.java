package org.evalsearch.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.evalsearch.catalog.ReportMeta;

/**
 * The reports an index holds, by file name, kept in the commit user data so that it changes atomically with
 * the passages: after a crash the index and this list agree on what the last commit contains.
 */
public final class IndexedReports {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, ReportMeta>> TYPE = new TypeReference<>() {};

    private IndexedReports() {}

    public static Map<String, ReportMeta> read(DirectoryReader reader) throws IOException {
        return read(reader.getIndexCommit());
    }

    public static Map<String, ReportMeta> read(IndexCommit commit) throws IOException {
        String json = commit.getUserData().get(Schema.REPORTS_COMMIT_KEY);
        return json == null ? new TreeMap<>() : JSON.readValue(json, TYPE);
    }

    static String toJson(Map<String, ReportMeta> reports) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(reports));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
