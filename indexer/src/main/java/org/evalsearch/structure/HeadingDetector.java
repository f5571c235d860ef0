package org.evalsearch.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalsearch.extract.ExtractedPdf;

/**
 * Finds the headings among a document's lines. When the PDF has an outline, its bookmarks are matched to the
 * lines they point at, and further headings are accepted only in a type the outline's headings use. Without an
 * outline, headings are short lines set apart by type (larger, bold, upper case, a ▶ marker), ranked by type,
 * with numbering (4.1.2) deciding between headings of the same type.
 */
final class HeadingDetector {
    private static final Pattern NUMBERING = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,4})\\.?\\s+\\S.*");
    private static final Pattern ROMAN = Pattern.compile("^[IVXL]{1,5}\\.\\s*\\S.*");
    private static final Pattern MARKER = Pattern.compile("^[▶►■●◆▪]\\s*");
    private static final int MAX_HEADING_LINES = 3;
    /** Headings found by type alone are short; longer bold runs are emphasised sentences. */
    private static final int MAX_STYLE_HEADING_WORDS = 20;
    /** In a longer report, page 1 is a cover: its large type is a title and banners, not the first section. */
    private static final int COVER_MIN_PAGES = 6;
    private static final Pattern BULLET = Pattern.compile("^[•▪◦●○■□➢➤✓·∙◼▫–—*-]\\s");

    /** A heading: its text, the lines it covers, and its level (1 = outermost). */
    record Heading(int first, int lines, String text, int level, int numberingDepth) {}

    private record Style(float size, boolean bold, boolean italic, boolean upper) {}

    private final List<LineRef> lines;
    private final float bodySize;
    private final boolean bodyBold;
    private final int pdfPages;

    HeadingDetector(List<LineRef> lines, float bodySize, int pdfPages) {
        this.lines = lines;
        this.pdfPages = pdfPages;
        this.bodySize = bodySize;
        int bold = 0;
        int all = 0;
        for (LineRef l : lines) {
            if (Math.abs(l.line().fontSize() - bodySize) < 0.6f) {
                all += l.line().text().length();
                if (l.line().bold()) {
                    bold += l.line().text().length();
                }
            }
        }
        this.bodyBold = bold > all / 2;
    }

    /** Headings by index of their first line. */
    Map<Integer, Heading> detect(List<ExtractedPdf.OutlineEntry> outline) {
        Map<Integer, Heading> found = new HashMap<>();
        if (outline.size() >= 3) {
            fromOutline(outline, found);
            if (found.size() >= Math.max(2, outline.size() / 3)) {
                addStyleMatches(found);
                return found;
            }
            found.clear();
        }
        fromStyle(found);
        return found;
    }

    private void fromOutline(List<ExtractedPdf.OutlineEntry> outline, Map<Integer, Heading> found) {
        int from = 0;
        for (ExtractedPdf.OutlineEntry e : outline) {
            String want = key(e.title());
            if (want.isEmpty()) {
                continue;
            }
            int start = e.page() > 0 ? firstLineOnPage(e.page(), from) : from;
            for (int i = start; i < lines.size(); i++) {
                int page = lines.get(i).page();
                if (e.page() > 0 && page > e.page() + 1) {
                    break;
                }
                if (e.page() <= 0 && i > from + 400) {
                    break;
                }
                int n = matchLines(i, want);
                if (n > 0 && !found.containsKey(i)) {
                    found.put(i, new Heading(i, n, headingText(i, n), e.level(), numberingDepth(lines.get(i).text())));
                    from = i + n;
                    break;
                }
            }
        }
    }

    private int firstLineOnPage(int page, int from) {
        int lo = 0;
        int hi = lines.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lines.get(mid).page() < page) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.max(lo, Math.min(from, lo));
    }

    /** How many lines from {@code i} spell out the wanted title exactly, or 0. */
    private int matchLines(int i, String want) {
        StringBuilder got = new StringBuilder();
        for (int n = 1; n <= MAX_HEADING_LINES && i + n - 1 < lines.size(); n++) {
            LineRef l = lines.get(i + n - 1);
            if (l.line().role() != ExtractedPdf.Role.BODY || (n > 1 && l.page() != lines.get(i).page())) {
                return 0;
            }
            got.append(key(l.text()));
            String g = got.toString();
            if (g.isEmpty()) {
                return 0;
            }
            if (g.equals(want) || (want.startsWith(g) && want.substring(g.length()).chars().allMatch(Character::isDigit))) {
                return n;
            }
            if (!want.startsWith(g)) {
                return 0;
            }
        }
        return 0;
    }

    /** Headings the outline leaves out (often its lowest level), in a type that the outline's headings use. */
    private void addStyleMatches(Map<Integer, Heading> found) {
        Map<Style, Map<Integer, Integer>> levelsByStyle = new HashMap<>();
        for (Heading h : found.values()) {
            levelsByStyle.computeIfAbsent(style(lines.get(h.first()).line()), s -> new HashMap<>())
                    .merge(h.level(), 1, Integer::sum);
        }
        List<Heading> extra = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (found.containsKey(i)) {
                i += found.get(i).lines() - 1;
                continue;
            }
            Map<Integer, Integer> levels = levelsByStyle.get(style(lines.get(i).line()));
            if (levels == null || !candidate(i) || !distinct(lines.get(i).line())) {
                continue;
            }
            int n = extent(i);
            if (words(headingText(i, n)) > MAX_STYLE_HEADING_WORDS) {
                i += n - 1;
                continue;
            }
            int level = levels.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            extra.add(new Heading(i, n, headingText(i, n), level, numberingDepth(lines.get(i).text())));
            i += n - 1;
        }
        for (Heading h : extra) {
            found.put(h.first(), h);
        }
    }

    private void fromStyle(Map<Integer, Heading> found) {
        List<int[]> spans = new ArrayList<>();
        Map<Style, Integer> styles = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).page() == 1 && pdfPages > COVER_MIN_PAGES) {
                continue;
            }
            if (candidate(i) && distinct(lines.get(i).line())) {
                int n = extent(i);
                if (words(headingText(i, n)) > MAX_STYLE_HEADING_WORDS) {
                    i += n - 1;
                    continue;
                }
                spans.add(new int[] {i, n});
                styles.merge(style(lines.get(i).line()), 1, Integer::sum);
                i += n - 1;
            }
        }
        // a type used once, on the first page, sets the report's title or a banner, not a section
        spans.removeIf(span -> lines.get(span[0]).page() == 1 && styles.get(style(lines.get(span[0]).line())) == 1);
        List<Style> ranked = new ArrayList<>(styles.keySet());
        ranked.sort(Comparator.comparingDouble((Style s) -> -s.size())
                .thenComparing(s -> !s.bold())
                .thenComparing(s -> !s.upper())
                .thenComparing(Style::italic));
        for (int[] span : spans) {
            Style s = style(lines.get(span[0]).line());
            found.put(span[0], new Heading(span[0], span[1], headingText(span[0], span[1]), ranked.indexOf(s) + 1,
                    numberingDepth(lines.get(span[0]).text())));
        }
    }

    /** A line that could be a heading by its shape: short, not a sentence, not a footnote. */
    private boolean candidate(int i) {
        LineRef ref = lines.get(i);
        ExtractedPdf.Line l = ref.line();
        String t = ref.text();
        if (t.isEmpty()) {
            return false;
        }
        if (BULLET.matcher(t).find()) {
            return false;
        }
        if (l.role() != ExtractedPdf.Role.BODY || ref.toc() || t.length() > 160 || !t.chars().anyMatch(Character::isLetter)
                || l.cells().size() > 1 || l.tableRow()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (last == ',' || last == ';' || last == '.' || last == ':' || (last == '-' && t.length() > 1)) {
            return false;
        }
        if (i > 0) {
            LineRef prev = lines.get(i - 1);
            boolean sameBlock = prev.page() == ref.page() && prev.line().column() == l.column()
                    && l.lineSpacing() > 0 && l.lineSpacing() < 1.3f * prev.line().fontSize()
                    && Math.abs(prev.line().fontSize() - l.fontSize()) < 0.5f;
            String pt = prev.text();
            // emphasis inside a running paragraph, not a heading
            if (sameBlock && !pt.isEmpty() && !endsSentence(pt)) {
                return false;
            }
        }
        if (i + 1 < lines.size()) {
            LineRef next = lines.get(i + 1);
            String nt = next.text();
            boolean sameBlock = next.page() == ref.page() && next.line().column() == l.column()
                    && next.line().lineSpacing() > 0 && next.line().lineSpacing() < 1.6f * l.fontSize();
            // a bold first line running on into a lower-case line is a lead-in, not a heading
            if (sameBlock && !nt.isEmpty() && Character.isLowerCase(nt.charAt(0)) && !distinct(next.line())) {
                return false;
            }
        }
        return true;
    }

    private boolean distinct(ExtractedPdf.Line l) {
        String t = l.text();
        if (l.fontSize() >= bodySize + 1.0f) {
            return true;
        }
        if (l.fontSize() < bodySize - 0.6f) {
            return false;
        }
        return (l.bold() && !bodyBold) || upper(t) || (MARKER.matcher(t).find() && (l.bold() || l.italic()));
    }

    /** Following lines in the same type continue a heading that wraps. */
    private int extent(int i) {
        Style s = style(lines.get(i).line());
        int n = 1;
        while (n < MAX_HEADING_LINES && i + n < lines.size()) {
            LineRef next = lines.get(i + n);
            LineRef prev = lines.get(i + n - 1);
            if (next.page() != prev.page() || next.line().column() != prev.line().column()
                    || !style(next.line()).equals(s) || next.line().lineSpacing() <= 0
                    || next.line().lineSpacing() > 1.5f * prev.line().fontSize() || !candidate(i + n)
                    || NUMBERING.matcher(next.text()).matches()) {
                break;
            }
            n++;
        }
        return n;
    }

    private Style style(ExtractedPdf.Line l) {
        return new Style(Math.round(l.fontSize() * 2) / 2f, l.bold(), l.italic(), upper(l.text()));
    }

    private static boolean upper(String t) {
        int letters = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 4 && t.indexOf(' ') > 0;
    }

    private String headingText(int first, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = first; k < first + n; k++) {
            String t = lines.get(k).text();
            if (sb.length() > 0) {
                sb.append(sb.charAt(sb.length() - 1) == '-' ? "" : " ");
            }
            sb.append(t);
        }
        return MARKER.matcher(sb.toString().strip()).replaceFirst("").strip();
    }

    private static boolean endsSentence(String t) {
        char c = t.charAt(t.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
    }

    private static int words(String t) {
        return t.isBlank() ? 0 : t.strip().split("\\s+").length;
    }

    static int numberingDepth(String text) {
        String t = MARKER.matcher(text).replaceFirst("");
        Matcher m = NUMBERING.matcher(t);
        if (m.matches()) {
            return m.group(1).split("\\.").length;
        }
        return ROMAN.matcher(t).matches() ? 1 : 0;
    }

    /** Letters and digits only, lower case: how a bookmark title and a printed heading are compared. */
    static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
