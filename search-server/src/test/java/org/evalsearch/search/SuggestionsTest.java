package org.evalsearch.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.index.IndexRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestionsTest {
    static final String REPORT = "2021-hle-fair-effective-labour-migration-2016-20.pdf";

    @TempDir
    Path tmp;

    @Test
    void aSampleOfThePassagesFindsTheSameMostFrequentPhrasesWhileReadingFewer() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(Path.of("..", "corpus", REPORT), corpus.resolve(REPORT));
        new IndexRun(corpus, tmp.resolve("index"), 2).run(new IndexRun.Listener() {
            @Override public void started(int files) {}
            @Override public void fileDone(String file, int pages, int passages) {}
            @Override public void fileSkipped(String file, String reason) {
                throw new AssertionError(file + ": " + reason);
            }
        });
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
            Map<String, Long> all = Suggestions.frequentPhrases(reader, Integer.MAX_VALUE);
            Map<String, Long> sample = Suggestions.frequentPhrases(reader, reader.maxDoc() / 3);
            List<String> top = all.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(5).map(Map.Entry::getKey).toList();
            for (String phrase : top) {
                assertTrue(sample.containsKey(phrase), phrase + " missing from the sample's " + sample.size());
                assertTrue(sample.get(phrase) < all.get(phrase), phrase + ": the sample counted every passage");
            }
        }
    }
}
