package org.evalsearch.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.evalsearch.index.PassageExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write every passage of an index as JSON Lines, in document order.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:EVALSEARCH_INDEX:-index}",
            description = "Index folder (env EVALSEARCH_INDEX; default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Output file (.jsonl).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!IndexFolder.holdsIndex(index)) {
            throw new ParameterException(spec.commandLine(), IndexFolder.missing(index));
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "no such folder for --out: " + folder);
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index));
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            int n = PassageExport.writeJsonLines(reader, w);
            System.out.printf("Exported %d passages to %s%n", n, out);
        }
        return 0;
    }
}
