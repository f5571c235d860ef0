package org.evalsearch.cli;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** {@code java -jar indexer.jar <command>}: the indexer's command line. */
@Command(name = "indexer", mixinStandardHelpOptions = true,
        description = "Turns a folder of evaluation PDFs into a Lucene index of passages.",
        subcommands = {IndexCommand.class, ExportCommand.class, EvaluateCommand.class})
public final class IndexerCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new IndexerCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(IndexerCli::unreadableIndex);
    }

    /** An index that cannot be read is a fact about the user's folder, told in one line, not a program error. */
    private static int unreadableIndex(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        if (e instanceof CorruptIndexException || e instanceof IndexFormatTooOldException
                || e instanceof IndexFormatTooNewException) {
            command.getErr().println("The index cannot be read (" + e.getMessage() + "). If it is damaged, delete its "
                    + "folder and index again.");
            return 2;
        }
        throw e;
    }
}
