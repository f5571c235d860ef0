package org.evalsearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar indexer.jar <command>}: the indexer's command line. */
@Command(name = "indexer", mixinStandardHelpOptions = true,
        description = "Turns a folder of evaluation PDFs into a Lucene index of passages.",
        subcommands = {IndexCommand.class, ExportCommand.class, EvaluateCommand.class})
public final class IndexerCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new IndexerCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
