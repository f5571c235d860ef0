package org.evalsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.TestPdfs;
import org.evalsearch.catalog.ReportMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-running {@code index} on a folder: only added or changed files are indexed, deleted files lose their
 * passages, and a reader opened before the run (the server) keeps working and sees the new commit on reopen.
 */
class IncrementalIndexTest {
    private static final String SUMMARY_2013 = "2013-labour-migration-evaluation-summary.pdf";
    private static final String SUMMARY_2009 = "2009-lmpp-project-final-evaluation-summary.pdf";
    private static final String SUMMARY_2008 = "2008-protection-of-migrant-workers-2001-07-gb-summary.pdf";

    @TempDir
    Path tmp;

    @Test
    void addChangeAndDeleteTouchOnlyThatFile() throws IOException {
        Path folder = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        TestPdfs.copyInto(folder, TestPdfs.corpus(SUMMARY_2013), TestPdfs.corpus(SUMMARY_2009));

        IndexRun.Summary first = run(folder, index);
        assertEquals(2, first.documents());
        Map<String, ReportMeta> before = reports(index);
        int passages2013 = count(index, SUMMARY_2013);

        try (Directory dir = FSDirectory.open(index); DirectoryReader serving = DirectoryReader.open(dir)) {
            // added: only the new file is processed; the server's reader is not disturbed by the writer
            TestPdfs.copyInto(folder, TestPdfs.corpus(SUMMARY_2008));
            IndexRun.Summary added = run(folder, index);
            assertEquals(1, added.documents());
            assertEquals(2, added.unchanged());
            assertEquals(first.passages(), new IndexSearcher(serving).count(new MatchAllDocsQuery()));
            DirectoryReader reopened = DirectoryReader.openIfChanged(serving);
            assertNotNull(reopened, "a reader sees the run's commit when it reopens");
            try (reopened) {
                assertEquals(first.passages() + added.passages(), reopened.numDocs());
            }
        }

        // changed: the 2009 file gets other content under the same name; only it is re-indexed
        Files.copy(TestPdfs.corpus("2009-lmpp-project-final-evaluation-summary.fr.pdf"),
                folder.resolve(SUMMARY_2009), StandardCopyOption.REPLACE_EXISTING);
        IndexRun.Summary changed = run(folder, index);
        assertEquals(1, changed.documents());
        assertEquals(2, changed.unchanged());
        Map<String, ReportMeta> afterChange = reports(index);
        assertNotEquals(before.get(SUMMARY_2009).sha256(), afterChange.get(SUMMARY_2009).sha256());
        assertEquals(before.get(SUMMARY_2013), afterChange.get(SUMMARY_2013));
        assertEquals(passages2013, count(index, SUMMARY_2013));
        assertEquals(changed.passages(), count(index, SUMMARY_2009), "no passages of the old version are left");

        // deleted: its passages go, the others stay
        Files.delete(folder.resolve(SUMMARY_2013));
        IndexRun.Summary deleted = run(folder, index);
        assertEquals(0, deleted.documents());
        assertEquals(1, deleted.removed());
        assertEquals(0, count(index, SUMMARY_2013));
        assertEquals(Set.of(SUMMARY_2008, SUMMARY_2009), reports(index).keySet());
        assertEquals(allIds(index).size(), Set.copyOf(allIds(index)).size(), "passage ids are unique");

        IndexRun.Summary nothing = run(folder, index);
        assertEquals(0, nothing.documents() + nothing.removed());
        assertEquals(2, nothing.unchanged());
    }

    @Test
    void aChangedOrAddedCatalogRowReindexesOnlyItsFile() throws IOException {
        Path folder = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        TestPdfs.copyInto(folder, TestPdfs.corpus(SUMMARY_2013), TestPdfs.corpus(SUMMARY_2008));
        Files.writeString(folder.resolve("catalog.csv"), "file,title,year\n" + SUMMARY_2013 + ",First title,2013\n");
        run(folder, index);
        ReportMeta unlisted = reports(index).get(SUMMARY_2008);

        Files.writeString(folder.resolve("catalog.csv"), "file,title,year\n" + SUMMARY_2013 + ",Second title,2013\n");
        IndexRun.Summary retitled = run(folder, index);
        assertEquals(1, retitled.documents());
        assertEquals(1, retitled.unchanged());
        assertEquals("Second title", reports(index).get(SUMMARY_2013).title());
        assertEquals(unlisted, reports(index).get(SUMMARY_2008));

        Files.writeString(folder.resolve("catalog.csv"), "file,title,year\n" + SUMMARY_2013 + ",Second title,2013\n"
                + SUMMARY_2008 + ",Listed at last,2008\n");
        IndexRun.Summary listed = run(folder, index);
        assertEquals(1, listed.documents());
        assertEquals(new ReportMeta(SUMMARY_2008, "Listed at last", 2008, null, null, unlisted.language(), null,
                unlisted.pageCount(), unlisted.fileSize(), unlisted.sha256()), reports(index).get(SUMMARY_2008));

        assertEquals(0, run(folder, index).documents(), "an unchanged catalog leaves every file alone");
    }

    @Test
    void pdfsInSubfoldersAreLeftOutAndSaidSo() throws IOException {
        Path folder = tmp.resolve("archive");
        TestPdfs.copyInto(folder, TestPdfs.corpus(SUMMARY_2008));
        TestPdfs.copyInto(folder.resolve("2013").resolve("summaries"), TestPdfs.corpus(SUMMARY_2013));
        Files.createDirectories(folder.resolve("empty"));
        IndexRun.Summary s = run(folder, tmp.resolve("index"));
        assertEquals(1, s.documents());
        assertEquals(List.of(new IndexRun.Warning("2013/",
                "1 PDF in this subfolder left out: only the folder's own files are indexed")), s.warnings());
    }

    private static IndexRun.Summary run(Path folder, Path index) throws IOException {
        return new IndexRun(folder, index, 2).run(new BadPdfsTest.NoProgress());
    }

    static Map<String, ReportMeta> reports(Path index) throws IOException {
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            return IndexedReports.read(r);
        }
    }

    static int count(Path index, String doc) throws IOException {
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            return new IndexSearcher(r).count(new TermQuery(Schema.docTerm(doc)));
        }
    }

    static List<String> allIds(Path index) throws IOException {
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            return PassageExport.all(r).stream().map(PassageRecord::id).collect(Collectors.toList());
        }
    }
}
