package org.evalsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.TestPdfs;
import org.evalsearch.catalog.ReportMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during {@code index}: the index opens with exactly what its last commit lists, and the next run
 * completes the job. The indexer runs as a child JVM, killed with {@link Process#destroyForcibly()}.
 */
class CrashRecoveryTest {
    private static final List<String> FILES = List.of(
            "2008-protection-of-migrant-workers-2001-07-gb-summary.pdf",
            "2009-lmpp-project-final-evaluation-summary.es.pdf",
            "2009-lmpp-project-final-evaluation-summary.fr.pdf",
            "2009-lmpp-project-final-evaluation-summary.pdf",
            "2013-labour-migration-evaluation-summary.pdf");

    @TempDir
    Path tmp;

    @Test
    void aKilledRunLosesNothingCommittedAndTheNextRunCompletes() throws Exception {
        Path folder = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        TestPdfs.copyInto(folder, FILES.stream().map(TestPdfs::corpus).toArray(Path[]::new));

        Process child = startIndexer(folder, index);
        int committedAtKill;
        try {
            committedAtKill = waitForFirstCommit(index, child);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(committedAtKill >= 1 && committedAtKill < FILES.size(),
                "killed mid-run with " + committedAtKill + " of " + FILES.size() + " files committed");

        Map<String, ReportMeta> survived = assertConsistent(index);
        assertTrue(survived.size() >= committedAtKill);

        IndexRun.Summary rerun = new IndexRun(folder, index, 2).run(new BadPdfsTest.NoProgress());
        assertEquals(survived.size(), rerun.unchanged(), "committed files are not redone");
        assertEquals(FILES.size() - survived.size(), rerun.documents());
        assertEquals(FILES, List.copyOf(assertConsistent(index).keySet()));
    }

    /** The report list of the last commit and the passages in the index agree, file by file. */
    private static Map<String, ReportMeta> assertConsistent(Path index) throws IOException {
        try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, ReportMeta> reports = IndexedReports.read(reader);
            IndexSearcher searcher = new IndexSearcher(reader);
            int listed = 0;
            for (String file : FILES) {
                int passages = searcher.count(new TermQuery(Schema.docTerm(file)));
                assertEquals(reports.containsKey(file), passages > 0, file + ": " + passages + " passages");
                listed += passages;
            }
            assertEquals(reader.numDocs(), listed, "no passages of files outside the report list");
            List<String> ids = PassageExport.all(reader).stream().map(PassageRecord::id).toList();
            assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "passage ids are unique");
            return reports;
        }
    }

    private static Process startIndexer(Path folder, Path index) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.evalsearch.cli.IndexerCli", "index", folder.toString(), "--index", index.toString(),
                "--threads", "1", "--no-ocr"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Polls the index until a commit lists at least one report; returns how many. */
    private static int waitForFirstCommit(Path index, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the indexer ended before it could be killed, exit " + child.exitValue());
            }
            try (Directory dir = FSDirectory.open(index)) {
                if (DirectoryReader.indexExists(dir)) {
                    try (DirectoryReader r = DirectoryReader.open(dir)) {
                        int n = IndexedReports.read(r).size();
                        if (n >= 1) {
                            return n;
                        }
                    }
                }
            } catch (IOException racingWithACommit) {
                // the child may be writing the next commit at this instant; look again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no commit within 3 minutes");
    }
}
