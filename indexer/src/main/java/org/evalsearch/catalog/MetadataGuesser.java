package org.evalsearch.catalog;

import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalsearch.extract.ExtractedPdf;

/**
 * Describes a report that the catalog does not list, from its PDF metadata and first pages. The file name is
 * not trusted for the year (copies are often named after the year they were filed), nor is the PDF's creation
 * date (files are re-saved years later); the year is read from the report's own first pages.
 */
public final class MetadataGuesser {
    private static final Pattern YEAR = Pattern.compile("(?<![\\d/.-])(19[6-9]\\d|20\\d\\d)(?![\\d/])");
    private static final Pattern FILE_LIKE_TITLE = Pattern.compile(
            "(?i).*(\\.(docx?|pdf|indd|rtf|odt)|^microsoft word|^untitled|^document\\d*$|^title$).*");
    private static final int FIRST_PAGES = 2;
    private static final int COVER_LINES = 15;
    private static final Map<String, Set<String>> STOPWORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "with", "was"),
            "fr", Set.of("le", "la", "les", "des", "et", "du", "est", "une", "pour", "dans"),
            "es", Set.of("el", "la", "los", "las", "y", "del", "que", "una", "para", "con"));

    public ReportMeta guess(String fileName, ExtractedPdf pdf) {
        String title = meaningfulTitle(pdf.infoTitle()) ? pdf.infoTitle().strip() : titleFromCover(pdf, fileName);
        return new ReportMeta(fileName, title, yearFromContent(pdf), null, null, language(pdf), null, 0, 0, null);
    }

    /** A document-information title that names the report, not the file it was made from. */
    static boolean meaningfulTitle(String title) {
        if (title == null) {
            return false;
        }
        String t = title.strip();
        return t.length() >= 8 && t.indexOf(' ') > 0 && !FILE_LIKE_TITLE.matcher(t).matches();
    }

    /**
     * The title on the cover: of the runs of consecutive lines set larger than body text on the first page that
     * has any, the one with most words and type (a series banner such as "Evaluation Summaries" is large but
     * short).
     */
    private static String titleFromCover(ExtractedPdf pdf, String fileName) {
        float minSize = pdf.bodyFontSize() * 1.15f;
        for (ExtractedPdf.PageText page : pdf.pages().subList(0, Math.min(3, pdf.pages().size()))) {
            List<ExtractedPdf.Line> lines = page.lines();
            String best = null;
            float bestScore = 0;
            StringBuilder run = new StringBuilder();
            float runSize = 0;
            for (int i = 0; i <= lines.size(); i++) {
                ExtractedPdf.Line l = i < lines.size() ? lines.get(i) : null;
                boolean continues = l != null && !run.isEmpty() && Math.abs(l.fontSize() - runSize) < 0.5f;
                if (!continues) {
                    String candidate = run.toString().strip();
                    int words = candidate.isEmpty() ? 0 : candidate.split("\\s+").length;
                    float score = Math.min(words, 25) * runSize;
                    if (runSize >= minSize && words >= 2 && score > bestScore) {
                        best = candidate;
                        bestScore = score;
                    }
                    run.setLength(0);
                    runSize = l == null ? 0 : l.fontSize();
                }
                if (l != null && l.text().chars().anyMatch(Character::isLetter)) {
                    run.append(run.isEmpty() ? "" : " ").append(l.text());
                }
            }
            if (best != null) {
                return best;
            }
        }
        return fileName.replaceFirst("(?i)\\.pdf$", "").replace('-', ' ').replace('_', ' ');
    }

    /**
     * The year the first pages point at most: cover lines (the first lines and any line set larger than body
     * text) count three times, years after the file was created or in the future are ignored, and a tie goes
     * to the later year, since reports cite the years before them. The PDF's creation year is the fallback.
     */
    static int yearFromContent(ExtractedPdf pdf) {
        int latest = Year.now().getValue();
        if (pdf.infoYear() > 0) {
            latest = Math.min(latest, pdf.infoYear() + 1);
        }
        Map<Integer, Integer> score = new HashMap<>();
        List<ExtractedPdf.PageText> pages = pdf.pages().subList(0, Math.min(FIRST_PAGES, pdf.pages().size()));
        int lineNo = 0;
        for (ExtractedPdf.PageText page : pages) {
            for (ExtractedPdf.Line l : page.lines()) {
                boolean cover = lineNo++ < COVER_LINES || l.fontSize() >= pdf.bodyFontSize() + 2;
                Matcher m = YEAR.matcher(l.text());
                while (m.find()) {
                    int year = Integer.parseInt(m.group(1));
                    if (year <= latest) {
                        score.merge(year, cover ? 3 : 1, Integer::sum);
                    }
                }
            }
        }
        return score.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(pdf.infoYear());
    }

    private static String language(ExtractedPdf pdf) {
        Map<String, Integer> hits = new HashMap<>();
        for (ExtractedPdf.PageText page : pdf.pages().subList(0, Math.min(3, pdf.pages().size()))) {
            for (ExtractedPdf.Line l : page.lines()) {
                for (String w : l.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                    STOPWORDS.forEach((lang, words) -> {
                        if (words.contains(w)) {
                            hits.merge(lang, 1, Integer::sum);
                        }
                    });
                }
            }
        }
        return hits.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(pdf.infoLanguage() == null ? "en"
                        : pdf.infoLanguage().substring(0, Math.min(2, pdf.infoLanguage().length())).toLowerCase(Locale.ROOT));
    }
}
