package org.evalsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.evalsearch.index.IndexRun;

/**
 * End-to-end {@code index} of a folder in a fresh index, as a user runs it (its own JVM, under
 * {@code /usr/bin/time -v} for the peak resident memory), then {@code pdftotext} on the same files one after
 * another: the practical floor of text extraction on this machine.
 */
final class IndexingBench {
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern CPU = Pattern.compile("(?:User|System) time \\(seconds\\): ([\\d.]+)");

    /** Times are wall clock; the CPU seconds (user + system) show how much of it was waiting for a busy machine. */
    record Result(int scale, int files, long pages, int passages, double indexSeconds, double indexCpuSeconds,
                  double peakRssMb, double pdftotextSeconds, double pdftotextCpuSeconds, long indexBytes) {
        double pagesPerSecond() {
            return pages / indexSeconds;
        }

        double ratio() {
            return indexSeconds / pdftotextSeconds;
        }
    }

    private final Path indexerJar;
    private final List<String> indexerJvmArgs;

    private final boolean vectors;

    IndexingBench(Path indexerJar, List<String> indexerJvmArgs, boolean vectors) {
        this.indexerJar = indexerJar;
        this.indexerJvmArgs = indexerJvmArgs;
        this.vectors = vectors;
    }

    Result run(int scale, Path folder, Path index, Path logDir) throws IOException, InterruptedException {
        deleteTree(index);
        List<Path> pdfs = IndexRun.listPdfs(folder);
        long pages = 0;
        for (Path pdf : pdfs) {
            try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
                pages += d.getNumberOfPages();
            }
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v",
                ServerProcess.javaBin("java").toString()));
        cmd.addAll(indexerJvmArgs);
        cmd.addAll(List.of("-jar", indexerJar.toString(), "index", folder.toString(), "--index", index.toString()));
        cmd.add(vectors ? "--vectors" : "--no-vectors");
        Path out = logDir.resolve("index-x" + scale + ".out");
        Path err = logDir.resolve("index-x" + scale + ".err");
        long t0 = System.nanoTime();
        int code = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IOException("index exited with " + code + "; see " + err);
        }
        String timeOutput = Files.readString(err);
        Matcher m = MAX_RSS.matcher(timeOutput);
        double rss = m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
        double indexCpu = cpuSeconds(timeOutput);

        int passages;
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
            passages = r.numDocs();
        }

        Path pdftotextErr = logDir.resolve("pdftotext-x" + scale + ".err");
        t0 = System.nanoTime();
        code = new ProcessBuilder("/usr/bin/time", "-v", "bash", "-c",
                "for f in \"$1\"/*.pdf; do pdftotext -q \"$f\" /dev/null || exit 1; done", "_", folder.toString())
                .redirectError(pdftotextErr.toFile()).start().waitFor();
        double pdftotext = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IOException("pdftotext failed on a file of " + folder + "; see " + pdftotextErr);
        }
        return new Result(scale, pdfs.size(), pages, passages, indexSeconds, indexCpu, rss, pdftotext,
                cpuSeconds(Files.readString(pdftotextErr)), treeSize(index));
    }

    private static double cpuSeconds(String timeOutput) {
        Matcher m = CPU.matcher(timeOutput);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    static long treeSize(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
