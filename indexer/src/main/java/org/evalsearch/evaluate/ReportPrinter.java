package org.evalsearch.evaluate;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.evalsearch.index.PassageRecord;

/** Prints runs side by side: every query under every system, then the means and each system's gain over the first. */
public final class ReportPrinter {
    private final PrintStream out;
    private final int k;

    public ReportPrinter(PrintStream out, int k) {
        this.out = out;
        this.k = k;
    }

    /** {@code runs.get(0)} is the reference the others are compared with. */
    public void print(List<Evaluation.Run> runs) {
        int width = Math.max(10, runs.stream().mapToInt(r -> r.system().length()).max().orElse(10));
        String row = "%-6s %-" + width + "s %8s %9s %6s  %s%n";
        out.printf(Locale.ROOT, row, "query", "system", "nDCG@" + k, "recall@" + k, "RR", "query text  filters");
        List<Evaluation.QueryResult> first = runs.get(0).queries();
        for (int i = 0; i < first.size(); i++) {
            JudgedQuery q = first.get(i).query();
            for (Evaluation.Run run : runs) {
                Scores s = run.queries().get(i).scores();
                String about = run == runs.get(0) ? "'" + q.query() + "'  " + filters(q) : "";
                out.printf(Locale.ROOT, row, run == runs.get(0) ? q.id() : "", run.system(),
                        f3(s.ndcg()), f3(s.recall()), f3(s.rr()), about);
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%-" + (width + 7) + "s %8s %9s %6s%n", "overall (" + first.size() + " queries)",
                "nDCG@" + k, "recall@" + k, "MRR");
        Scores ref = runs.get(0).overall();
        for (Evaluation.Run run : runs) {
            Scores s = run.overall();
            String gain = run == runs.get(0) ? "" : String.format(Locale.ROOT, "  (%+.3f nDCG, %+.3f recall, %+.3f MRR vs %s)",
                    s.ndcg() - ref.ndcg(), s.recall() - ref.recall(), s.rr() - ref.rr(), runs.get(0).system());
            out.printf(Locale.ROOT, "%-" + (width + 7) + "s %8s %9s %6s%s%n", run.system(), f3(s.ndcg()), f3(s.recall()),
                    f3(s.rr()), gain);
        }
    }

    /** Each query's hits under {@code run}, the judged ones marked with their grade, to see why a query scores low. */
    public void printHits(Evaluation.Run run) {
        out.println();
        out.println("Hits of " + run.system() + " (grade, passage id, section, text):");
        for (Evaluation.QueryResult r : run.queries()) {
            out.printf(Locale.ROOT, "%s '%s'  %s%n", r.query().id(), r.query().query(), filters(r.query()));
            RelevantPassages judged = new RelevantPassages(r.query().relevant());
            for (PassageRecord hit : r.hits()) {
                int grade = judged.gradeOf(hit);
                String text = hit.text().replaceAll("\\s+", " ");
                out.printf(Locale.ROOT, "  %s %-55s %-30.30s %.110s%n", grade > 0 ? Integer.toString(grade) : ".",
                        hit.id(), hit.section() == null ? "" : hit.section(), text);
            }
        }
    }

    private static String filters(JudgedQuery q) {
        return q.filters().entrySet().stream().map(e -> e.getKey() + "=" + String.join("|", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
