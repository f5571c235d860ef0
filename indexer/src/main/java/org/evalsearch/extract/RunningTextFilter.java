package org.evalsearch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what repeats in the page margins: running headers and footers (the same text, page numbers aside, at
 * the same height on many pages), lines set in the same place and type as those (chapter names in a running
 * header change from chapter to chapter) and bare page numbers. Reads the printed page numbers on the way.
 */
final class RunningTextFilter {
    /** Share of the page height, from the top and from the bottom, where running text lives. */
    private static final float MARGIN = 0.11f;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)(?:page|p\\.|pág\\.?|página)?\\s*[-–]?\\s*(\\d{1,4}|[ivxlc]{1,7})\\s*[-–]?(?:\\s*(?:of|/|de|sur)\\s*\\d{1,4})?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** One page's lines as the filter sees them. */
    record Page(int number, float height, List<ExtractedPdf.Line> lines) {}

    /** The pages without running text, and the page number printed on each page (null where none was read). */
    record Result(List<List<ExtractedPdf.Line>> lines, String[] printedNumbers) {}

    private record Slot(float baseline, float size, float x0, float x1) {}

    Result filter(List<Page> pages) {
        int minRepeats = pages.size() <= 4 ? 2 : 3;
        Map<String, List<float[]>> seen = new HashMap<>();
        // each margin line's key, in page and line order, for the second pass
        List<String> keys = new ArrayList<>();
        for (Page p : pages) {
            for (ExtractedPdf.Line l : p.lines()) {
                if (inMargin(l, p)) {
                    String key = key(l.text());
                    keys.add(key);
                    seen.computeIfAbsent(key, k -> new ArrayList<>()).add(new float[] {l.baseline(), p.number()});
                }
            }
        }
        List<Slot> slots = new ArrayList<>();
        Set<String> repeatedAt = new HashSet<>();
        int marginLine = 0;
        for (Page p : pages) {
            for (ExtractedPdf.Line l : p.lines()) {
                if (inMargin(l, p) && repeats(seen.get(keys.get(marginLine++)), l.baseline(), minRepeats)) {
                    repeatedAt.add(p.number() + "@" + l.baseline() + "@" + l.x0());
                    slots.add(new Slot(l.baseline(), l.fontSize(), l.x0(), l.x1()));
                }
            }
        }
        List<List<ExtractedPdf.Line>> kept = new ArrayList<>(pages.size());
        String[] printed = new String[pages.size()];
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            List<ExtractedPdf.Line> out = new ArrayList<>(p.lines().size());
            for (ExtractedPdf.Line l : p.lines()) {
                // a line opened by a raised note number is a footnote, however often its text ("Ibid.",
                // "Interview with ILO staff.") recurs at the foot of pages
                if (!inMargin(l, p) || l.leadingMarker() != null) {
                    out.add(l);
                    continue;
                }
                boolean repeated = repeatedAt.contains(p.number() + "@" + l.baseline() + "@" + l.x0());
                String number = repeated ? pageNumber(l) : number(l.text());
                if (number != null || repeated || inSlot(l, slots)) {
                    if (number != null && printed[i] == null) {
                        printed[i] = number;
                    }
                    continue;
                }
                out.add(l);
            }
            kept.add(out);
        }
        return new Result(kept, consistent(printed));
    }

    private static boolean inMargin(ExtractedPdf.Line l, Page p) {
        return l.baseline() < MARGIN * p.height() || l.baseline() > (1 - MARGIN) * p.height();
    }

    private static String key(String text) {
        return DIGITS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("#").replaceAll("\\s+", " ").strip();
    }

    private static boolean repeats(List<float[]> places, float baseline, int minRepeats) {
        if (places == null || places.size() < minRepeats) {
            return false;
        }
        Set<Integer> pages = new HashSet<>();
        for (float[] pl : places) {
            if (Math.abs(pl[0] - baseline) <= 4) {
                pages.add((int) pl[1]);
            }
        }
        return pages.size() >= minRepeats;
    }

    private static boolean inSlot(ExtractedPdf.Line l, List<Slot> slots) {
        // a ruled table's row that does not itself repeat is the table's, wherever the table starts on the page
        if (l.tableRow() || l.text().split("\\s+").length > 20) {
            return false;
        }
        for (Slot s : slots) {
            boolean aligned = Math.abs(s.x0() - l.x0()) <= 3 || Math.abs(s.x1() - l.x1()) <= 3
                    || Math.abs((s.x0() + s.x1()) - (l.x0() + l.x1())) <= 6;
            if (aligned && Math.abs(s.baseline() - l.baseline()) <= 2 && Math.abs(s.size() - l.fontSize()) <= 0.6f) {
                return true;
            }
        }
        return false;
    }

    /** The page number a running line shows: the whole line, or one of its cells (a footer "Name ... 12"). */
    private static String pageNumber(ExtractedPdf.Line l) {
        String n = number(l.text());
        if (n != null || l.cells().isEmpty()) {
            return n;
        }
        for (String cell : List.of(l.cells().get(0), l.cells().get(l.cells().size() - 1))) {
            n = number(cell);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private static String number(String text) {
        Matcher m = PAGE_NUMBER.matcher(text.strip());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /**
     * Keeps a printed number only when a neighbouring page agrees with it (the same distance to the PDF page
     * number for arabic numbers, the next or previous numeral for roman ones); single stray numbers are more
     * often a footnote or a table cell than a folio.
     */
    private static String[] consistent(String[] printed) {
        String[] out = new String[printed.length];
        for (int i = 0; i < printed.length; i++) {
            if (printed[i] == null) {
                continue;
            }
            int v = value(printed[i]);
            boolean ok = false;
            for (int d : new int[] {-1, 1, -2, 2}) {
                int j = i + d;
                if (j >= 0 && j < printed.length && printed[j] != null && value(printed[j]) - v == d
                        && isRoman(printed[j]) == isRoman(printed[i])) {
                    ok = true;
                    break;
                }
            }
            if (ok) {
                out[i] = printed[i];
            }
        }
        return out;
    }

    private static boolean isRoman(String s) {
        return !Character.isDigit(s.charAt(0));
    }

    private static int value(String s) {
        if (!isRoman(s)) {
            return Integer.parseInt(s);
        }
        int total = 0;
        int prev = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'i' -> 1;
                case 'v' -> 5;
                case 'x' -> 10;
                case 'l' -> 50;
                default -> 100;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }
}
