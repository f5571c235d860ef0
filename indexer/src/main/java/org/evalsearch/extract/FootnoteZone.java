package org.evalsearch.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the footnotes at the foot of a page: a run of lines, at the end of a column, set smaller than the body
 * text and starting with a note marker. They are marked so that they are never joined to the body text above.
 */
final class FootnoteZone {
    private static final Pattern NOTE_START = Pattern.compile("^(\\d{1,3}|[*†‡§¶®¥°'\"“”’]{1,3})\\s*\\p{L}.*");

    List<ExtractedPdf.Line> mark(List<ExtractedPdf.Line> lines, float pageHeight, float bodySize) {
        Map<Integer, List<Integer>> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            byColumn.computeIfAbsent(lines.get(i).column(), c -> new ArrayList<>()).add(i);
        }
        List<ExtractedPdf.Line> out = new ArrayList<>(lines);
        for (List<Integer> column : byColumn.values()) {
            int start = column.size();
            while (start > 0 && small(lines.get(column.get(start - 1)), bodySize)) {
                start--;
            }
            for (int k = start; k < column.size(); k++) {
                ExtractedPdf.Line l = lines.get(column.get(k));
                if (l.baseline() > 0.5f * pageHeight && startsNote(l)) {
                    for (int m = k; m < column.size(); m++) {
                        int idx = column.get(m);
                        out.set(idx, out.get(idx).withRole(ExtractedPdf.Role.FOOTNOTE));
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static boolean small(ExtractedPdf.Line l, float bodySize) {
        return !l.tableRow() && l.fontSize() <= bodySize - 0.8f && l.fontSize() <= 0.92f * bodySize;
    }

    static boolean startsNote(ExtractedPdf.Line l) {
        return l.leadingMarker() != null || NOTE_START.matcher(l.text()).matches();
    }
}
