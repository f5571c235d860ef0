package org.evalsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeats span the files of an evaluation, whichever run brings them: a summary indexed first and its full report
 * added by a later run end up with the same repeats as both indexed at once (the summary's passages, already in
 * the index, are rewritten), and removing the full report clears them again.
 */
class IncrementalRepeatsTest {
    private static final String SUMMARY = "2013-labour-migration-evaluation-summary.pdf";
    private static final String FULL = "2013-labour-migration-evaluation-full-report.pdf";

    @TempDir
    Path tmp;

    @Test
    void repeatsAreTheSameWhenAnEvaluationsFilesComeInSeveralRuns() throws IOException {
        Path together = tmp.resolve("together");
        TestPdfs.copyInto(together, TestPdfs.corpus(SUMMARY), TestPdfs.corpus(FULL), TestPdfs.corpus("catalog.csv"));
        new IndexRun(together, tmp.resolve("index-together"), 2).run(new BadPdfsTest.NoProgress());
        Map<String, String> expected = repeats(tmp.resolve("index-together"));

        Path folder = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        TestPdfs.copyInto(folder, TestPdfs.corpus(SUMMARY), TestPdfs.corpus("catalog.csv"));
        new IndexRun(folder, index, 2).run(new BadPdfsTest.NoProgress());
        assertTrue(repeats(index).values().stream().allMatch(r -> r == null), "nothing to repeat yet");

        TestPdfs.copyInto(folder, TestPdfs.corpus(FULL));
        IndexRun.Summary added = new IndexRun(folder, index, 2).run(new BadPdfsTest.NoProgress());
        assertEquals(1, added.documents());
        Map<String, String> later = repeats(index);
        assertEquals(expected, later);
        assertTrue(later.entrySet().stream().anyMatch(e -> e.getKey().startsWith(SUMMARY) && e.getValue() != null),
                "summary passages indexed by the first run now repeat the full report");

        Files.delete(folder.resolve(FULL));
        new IndexRun(folder, index, 2).run(new BadPdfsTest.NoProgress());
        assertTrue(repeats(index).values().stream().allMatch(r -> r == null), "nothing left to repeat");
    }

    private static Map<String, String> repeats(Path index) throws IOException {
        try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, String> out = new HashMap<>();
            PassageExport.all(reader).forEach(r -> out.put(r.id(), r.repeats()));
            return out;
        }
    }
}
