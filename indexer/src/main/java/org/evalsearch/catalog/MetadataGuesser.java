package org.evalsearch.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalsearch.extract.ExtractedPdf;

/**
 * Describes a report that the catalog does not list, from its PDF metadata and first pages. The file name is
 * not trusted for the year: copies are often named after the year they were filed.
 */
public final class MetadataGuesser {
    private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");
    private static final int FIRST_PAGES = 3;
    private static final Map<String, Set<String>> STOPWORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "with", "was"),
            "fr", Set.of("le", "la", "les", "des", "et", "du", "est", "une", "pour", "dans"),
            "es", Set.of("el", "la", "los", "las", "y", "del", "que", "una", "para", "con"));

    public ReportMeta guess(String fileName, ExtractedPdf pdf) {
        String title = pdf.infoTitle() != null ? pdf.infoTitle() : titleFromFirstPage(pdf, fileName);
        return new ReportMeta(fileName, title, yearFromContent(pdf), null, null, language(pdf), null, 0, 0, null);
    }

    /** The largest text on the first page that has text: covers put the title in the biggest type. */
    private static String titleFromFirstPage(ExtractedPdf pdf, String fileName) {
        for (ExtractedPdf.PageText page : pdf.pages().subList(0, Math.min(FIRST_PAGES, pdf.pages().size()))) {
            List<ExtractedPdf.Line> lines = page.lines();
            float max = 0;
            for (ExtractedPdf.Line l : lines) {
                if (l.text().length() > 3) {
                    max = Math.max(max, l.fontSize());
                }
            }
            StringBuilder title = new StringBuilder();
            for (ExtractedPdf.Line l : lines) {
                if (l.fontSize() >= max - 0.5f && l.text().length() > 3) {
                    title.append(title.isEmpty() ? "" : " ").append(l.text());
                } else if (!title.isEmpty()) {
                    break;
                }
            }
            if (!title.isEmpty()) {
                return title.toString();
            }
        }
        return fileName.replaceFirst("(?i)\\.pdf$", "").replace('-', ' ').replace('_', ' ');
    }

    /** The most frequent plausible year on the first pages; the PDF's creation year when the text has none. */
    private static int yearFromContent(ExtractedPdf pdf) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (ExtractedPdf.PageText page : pdf.pages().subList(0, Math.min(FIRST_PAGES, pdf.pages().size()))) {
            for (ExtractedPdf.Line l : page.lines()) {
                Matcher m = YEAR.matcher(l.text());
                while (m.find()) {
                    counts.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(pdf.infoYear());
    }

    private static String language(ExtractedPdf pdf) {
        Map<String, Integer> hits = new HashMap<>();
        for (ExtractedPdf.PageText page : pdf.pages().subList(0, Math.min(FIRST_PAGES, pdf.pages().size()))) {
            for (ExtractedPdf.Line l : page.lines()) {
                for (String w : l.text().toLowerCase().split("[^\\p{L}]+")) {
                    STOPWORDS.forEach((lang, words) -> {
                        if (words.contains(w)) {
                            hits.merge(lang, 1, Integer::sum);
                        }
                    });
                }
            }
        }
        return hits.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(pdf.infoLanguage() == null ? "en" : pdf.infoLanguage().substring(0, 2).toLowerCase());
    }
}
