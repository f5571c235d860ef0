package org.evalsearch.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds ruled tables: rows are the bands between horizontal rules (borders or cell backgrounds) that have cell
 * borders inside them, columns are cut at those inner borders. A box drawn round a paragraph has no inner border
 * and stays text.
 */
final class TableFinder {
    private static final float MIN_ROW_LINE = 60;

    /** A row of a table: its top, the x of its inner cell borders and, per cell, the runs in it. */
    record Row(float top, float x0, float x1, List<Float> separators, List<List<LineAssembler.Run>> cells) {

        /** Same columns: as many cells, cut at the same borders. */
        boolean sameColumns(Row other) {
            if (other.separators.size() != separators.size()) {
                return false;
            }
            for (int i = 0; i < separators.size(); i++) {
                if (Math.abs(other.separators.get(i) - separators.get(i)) > 3) {
                    return false;
                }
            }
            return true;
        }
    }

    private record HLine(float y, float left, float right) {
        float length() {
            return right - left;
        }
    }

    List<Row> find(List<LineAssembler.Run> runs, List<Rule> rules) {
        if (rules.isEmpty() || runs.isEmpty()) {
            return List.of();
        }
        List<HLine> lines = horizontalLines(rules);
        List<Rule> verticals = new ArrayList<>();
        for (Rule r : rules) {
            if (r.vertical() && r.bottom() - r.top() >= 4) {
                verticals.add(r);
            }
        }
        if (lines.size() < 2 || verticals.isEmpty()) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            HLine a = lines.get(i);
            HLine b = lines.get(i + 1);
            float x0 = Math.max(a.left(), b.left());
            float x1 = Math.min(a.right(), b.right());
            if (x1 - x0 < 0.7f * Math.min(a.length(), b.length()) || b.y() - a.y() < 4) {
                continue;
            }
            List<Float> separators = separators(verticals, x0, x1, a.y(), b.y());
            if (separators.isEmpty()) {
                continue;
            }
            List<List<LineAssembler.Run>> cells = new ArrayList<>();
            for (int c = 0; c <= separators.size(); c++) {
                cells.add(new ArrayList<>());
            }
            boolean any = false;
            for (LineAssembler.Run r : runs) {
                float mid = (r.x0 + r.x1) / 2;
                float middle = r.base - 0.35f * r.size;
                if (mid < x0 - 2 || mid > x1 + 2 || middle <= a.y() || middle >= b.y()) {
                    continue;
                }
                int c = 0;
                while (c < separators.size() && mid > separators.get(c)) {
                    c++;
                }
                cells.get(c).add(r);
                any = true;
            }
            if (any) {
                rows.add(new Row(a.y(), x0, x1, separators, cells));
            }
        }
        return rows;
    }

    /** Horizontal rules joined where they touch, one line per height, top to bottom. */
    private static List<HLine> horizontalLines(List<Rule> rules) {
        List<HLine> hs = new ArrayList<>();
        for (Rule r : rules) {
            if (r.horizontal()) {
                hs.add(new HLine((r.y0() + r.y1()) / 2, r.left(), r.right()));
            }
        }
        hs.sort(Comparator.comparingDouble(HLine::y).thenComparingDouble(HLine::left));
        List<HLine> merged = new ArrayList<>();
        for (HLine h : hs) {
            HLine last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            // double borders and touching cell edges are one line
            if (last != null && h.y() - last.y() <= 2 && h.left() <= last.right() + 3) {
                merged.set(merged.size() - 1, new HLine(last.y(), Math.min(last.left(), h.left()),
                        Math.max(last.right(), h.right())));
            } else {
                merged.add(h);
            }
        }
        List<HLine> out = new ArrayList<>();
        for (HLine h : merged) {
            if (h.length() >= MIN_ROW_LINE) {
                out.add(h);
            }
        }
        return out;
    }

    /** The x of inner cell borders that run through most of the band between two rules. */
    private static List<Float> separators(List<Rule> verticals, float x0, float x1, float top, float bottom) {
        List<Float> xs = new ArrayList<>();
        float need = 0.6f * (bottom - top);
        for (Rule v : verticals) {
            float x = v.x0();
            if (x <= x0 + 3 || x >= x1 - 3) {
                continue;
            }
            float overlap = Math.min(bottom, v.bottom()) - Math.max(top, v.top());
            if (overlap >= need) {
                xs.add(x);
            }
        }
        xs.sort(null);
        List<Float> out = new ArrayList<>();
        for (float x : xs) {
            if (out.isEmpty() || x - out.get(out.size() - 1) > 3) {
                out.add(x);
            }
        }
        return out;
    }
}
