package org.evalsearch.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rebuilds the lines of one page from glyph positions and puts them in reading order. Glyphs are first joined
 * into runs as the content stream draws them, superscript note markers are taken off the words they follow,
 * runs on one baseline become rows, and rows are cut at column gutters found from the page's geometry, so that
 * a two-column page is read column by column whatever order the PDF drew it in.
 */
final class LineAssembler {
    /**
     * {@link #normalise} of single characters, filled as they are met: nearly every glyph is one character, the same
     * few per document, and NFKC normalisation of each one again was a measurable part of line assembly.
     */
    private static final String[] NORMALISED_CHARS = new String[Character.MAX_VALUE + 1];
    private static final Pattern MARKER = Pattern.compile("\\(?(\\d{1,3}(,\\s?\\d{1,3})*|[*†‡§¶]{1,3}|[a-z]|[ivx]{1,4})\\)?");
    private static final Pattern ENUMERATOR_CELL = Pattern.compile(
            "\\(?(\\d{1,3}|[a-z]|[ivxlIVXL]{1,5})[.)]|[•▪◦●■►▶–-]");
    private static final Pattern ORDINAL_SUFFIX = Pattern.compile("\\p{L}{1,3}");

    /**
     * Glyphs joined as the content stream drew them, on one baseline: {@code glyphs[from, to)} of the page's glyphs
     * (a run is a stretch of them, so it needs no list of its own).
     */
    static final class Run {
        final List<Glyph> glyphs;
        final int from;
        int to;
        float x0;
        float x1;
        float base;
        float size;
        boolean superscript;
        final List<String> refs = new ArrayList<>();
        String leadingMarker;
        String suffix = "";

        Run(List<Glyph> glyphs, int from) {
            Glyph g = glyphs.get(from);
            this.glyphs = glyphs;
            this.from = from;
            this.to = from + 1;
            x0 = g.x();
            x1 = g.right();
            base = g.baseline();
            size = g.size();
        }

        /** Takes in the next glyph of the page, which must be {@code glyphs[to]}. */
        void extend() {
            Glyph g = glyphs.get(to++);
            x1 = Math.max(x1, g.right());
            size = Math.max(size, g.size());
        }

        Glyph last() {
            return glyphs.get(to - 1);
        }

        int length() {
            return to - from;
        }

        String plainText() {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < to; i++) {
                sb.append(glyphs.get(i).text());
            }
            return sb.toString().strip();
        }
    }

    /** Runs of one row that sit close together: a line, or one column's part of a row. */
    private static final class Segment {
        final List<Run> runs = new ArrayList<>();
        float x0;
        float x1;
        float base;
        float size;
        int column;

        Segment(Run r) {
            runs.add(r);
            x0 = r.x0;
            x1 = r.x1;
            base = r.base;
            size = r.size;
        }

        void add(Run r) {
            runs.add(r);
            x1 = Math.max(x1, r.x1);
            size = Math.max(size, r.size);
        }
    }

    private record Gutter(float x0, float x1) {}

    List<ExtractedPdf.Line> assemble(float pageWidth, List<Glyph> glyphs, List<Rule> rules) {
        if (glyphs.isEmpty()) {
            return List.of();
        }
        List<Run> runs = runs(glyphs);
        markSuperscripts(runs);
        List<Run> body = new ArrayList<>(runs.size());
        for (Run r : runs) {
            if (!r.superscript) {
                body.add(r);
            }
        }
        List<TableFinder.Row> tableRows = new TableFinder().find(body, rules);
        List<ExtractedPdf.Line> tableLines = new ArrayList<>(tableRows.size());
        if (!tableRows.isEmpty()) {
            Set<Run> inTables = Collections.newSetFromMap(new IdentityHashMap<>());
            for (TableFinder.Row row : tableRows) {
                ExtractedPdf.Line line = tableRow(row, tableRows);
                if (line != null) {
                    tableLines.add(line);
                    row.cells().forEach(inTables::addAll);
                }
            }
            body.removeIf(inTables::contains);
        }
        List<List<Run>> rows = rows(body);
        List<List<Segment>> segmentRows = new ArrayList<>(rows.size());
        for (List<Run> row : rows) {
            segmentRows.add(segments(row));
        }
        List<Gutter> gutters = gutters(segmentRows, pageWidth);
        return readingOrder(segmentRows, gutters, tableLines);
    }

    /**
     * One table row as a line: the text of each cell, its lines separated by newlines. A row with one filled cell
     * is a table row only beside rows of the same columns with more (a header over the grid, or the part of a row
     * that a page break carried over); alone it is a box with a logo or a frame beside the text.
     */
    private static ExtractedPdf.Line tableRow(TableFinder.Row row, List<TableFinder.Row> pageRows) {
        List<String> cells = new ArrayList<>(row.cells().size());
        List<String> refs = new ArrayList<>();
        ExtractedPdf.Line first = null;
        boolean bold = true;
        float top = Float.MAX_VALUE;
        for (List<Run> cell : row.cells()) {
            StringBuilder text = new StringBuilder();
            for (List<Run> r : rows(cell)) {
                ExtractedPdf.Line l = line(segments(r), 0, null);
                if (l == null) {
                    continue;
                }
                text.append(text.isEmpty() ? "" : "\n").append(l.text());
                refs.addAll(l.noteRefs());
                bold &= l.bold();
                top = Math.min(top, l.baseline());
                if (first == null) {
                    first = l;
                }
            }
            cells.add(text.toString());
        }
        if (filled(cells) == 0 || (filled(cells) == 1 && !besideGrid(row, pageRows))) {
            return null;
        }
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        for (List<Run> cell : row.cells()) {
            for (Run r : cell) {
                x0 = Math.min(x0, r.x0);
                x1 = Math.max(x1, r.x1);
            }
        }
        StringBuilder joined = new StringBuilder();
        for (String c : cells) {
            if (!c.isEmpty()) {
                joined.append(joined.isEmpty() ? "" : " ").append(c.replace('\n', ' '));
            }
        }
        return new ExtractedPdf.Line(joined.toString(), x0, x1, top, 0, 0, first.fontSize(), bold,
                first.italic(), bold ? joined.length() : 0, refs, null, cells, true, ExtractedPdf.Role.BODY);
    }

    private static long filled(List<String> cells) {
        return cells.stream().filter(c -> !c.isEmpty()).count();
    }

    private static boolean besideGrid(TableFinder.Row row, List<TableFinder.Row> pageRows) {
        for (TableFinder.Row other : pageRows) {
            if (other != row && other.sameColumns(row) && other.cells().stream().filter(c -> !c.isEmpty()).count() >= 2) {
                return true;
            }
        }
        return false;
    }

    private static List<Run> runs(List<Glyph> glyphs) {
        List<Run> runs = new ArrayList<>();
        // the glyphs that runs are stretches of: a glyph drawn again over itself is left out
        List<Glyph> kept = new ArrayList<>(glyphs.size());
        Run cur = null;
        for (Glyph g : glyphs) {
            if (cur != null) {
                Glyph p = cur.last();
                float tol = 0.2f * Math.min(p.size(), g.size());
                boolean sameBase = Math.abs(g.baseline() - p.baseline()) <= tol;
                // the same glyph drawn twice to fake bold (positions first: they rule out nearly every glyph, and
                // reading each glyph's text is what would cost)
                if (sameBase && Math.abs(g.x() - p.x()) < 0.15f * g.size() && g.text().equals(p.text())) {
                    continue;
                }
                if (sameBase && g.x() > cur.x1 - 0.3f * g.size() && g.x() - cur.x1 < 0.6f * Math.max(g.size(), p.size())) {
                    kept.add(g);
                    cur.extend();
                    continue;
                }
            }
            kept.add(g);
            cur = new Run(kept, kept.size() - 1);
            runs.add(cur);
        }
        return runs;
    }

    /**
     * Small raised runs next to a word are note markers (kept as references, dropped from the text) or
     * ordinal suffixes such as the "th" of 20th (kept in the text).
     */
    private static void markSuperscripts(List<Run> runs) {
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            Run prev = i > 0 ? runs.get(i - 1) : null;
            Run next = i + 1 < runs.size() ? runs.get(i + 1) : null;
            boolean afterPrev = prev != null && !prev.superscript && raisedNextTo(r, prev)
                    && Math.abs(r.x0 - prev.x1) < 0.5f * prev.size;
            boolean beforeNext = next != null && raisedNextTo(r, next) && Math.abs(next.x0 - r.x1) < 0.5f * next.size;
            if (!afterPrev && !beforeNext) {
                continue;
            }
            String text = r.plainText();
            Run host = afterPrev ? prev : next;
            if (afterPrev && ORDINAL_SUFFIX.matcher(text).matches()
                    && Character.isDigit(lastChar(host))) {
                r.superscript = true;
                host.suffix += text;
                host.x1 = Math.max(host.x1, r.x1);
                continue;
            }
            if (!MARKER.matcher(text).matches()) {
                continue;
            }
            r.superscript = true;
            String marker = text.replaceAll("[()\\s]", "");
            if (afterPrev) {
                host.refs.add(marker);
                host.x1 = Math.max(host.x1, r.x1);
            } else {
                host.leadingMarker = marker;
                host.x0 = Math.min(host.x0, r.x0);
            }
        }
    }

    private static char lastChar(Run r) {
        String t = r.last().text();
        return t.charAt(t.length() - 1);
    }

    private static boolean raisedNextTo(Run r, Run host) {
        float rise = host.base - r.base;
        boolean smallAndRaised = r.size <= 0.85f * host.size && rise > 0.1f * host.size;
        boolean clearlyRaised = r.size < host.size && rise > 0.25f * host.size;
        return (smallAndRaised || clearlyRaised) && rise < 0.8f * host.size && r.length() <= 8;
    }

    /** Runs grouped by baseline, top to bottom, each row sorted left to right. */
    private static List<List<Run>> rows(List<Run> runs) {
        List<Run> body = new ArrayList<>(runs.size());
        for (Run r : runs) {
            if (!r.superscript) {
                body.add(r);
            }
        }
        body.sort(Comparator.comparingDouble(r -> r.base));
        List<List<Run>> rows = new ArrayList<>();
        List<Run> row = null;
        float rowBase = 0;
        float rowSize = 0;
        for (Run r : body) {
            if (row != null && r.base - rowBase <= 0.3f * Math.min(rowSize, r.size)) {
                row.add(r);
                rowSize = Math.max(rowSize, r.size);
            } else {
                row = new ArrayList<>();
                row.add(r);
                rows.add(row);
                rowBase = r.base;
                rowSize = r.size;
            }
        }
        for (List<Run> rr : rows) {
            rr.sort(Comparator.comparingDouble(r -> r.x0));
        }
        return rows;
    }

    /** Cuts a row where runs are far apart: between columns, or between table cells. */
    private static List<Segment> segments(List<Run> row) {
        List<Segment> out = new ArrayList<>();
        Segment cur = null;
        for (Run r : row) {
            if (cur != null && r.x0 - cur.x1 < 1.2f * Math.max(cur.size, r.size)) {
                cur.add(r);
            } else {
                cur = new Segment(r);
                out.add(cur);
            }
        }
        for (Segment s : out) {
            s.base = s.runs.get(0).base;
        }
        return out;
    }

    /**
     * Vertical strips of white space with lines of text reaching them from both sides: the gutters between
     * columns. Lines wider than most of the text block (titles, full-width paragraphs) are ignored when looking
     * for them, and a strip only counts when enough full lines end at it on the left and start at it on the
     * right, which keeps table columns out.
     */
    private static List<Gutter> gutters(List<List<Segment>> rows, float pageWidth) {
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        int count = 0;
        for (List<Segment> row : rows) {
            for (Segment s : row) {
                left = Math.min(left, s.x0);
                right = Math.max(right, s.x1);
                count++;
            }
        }
        float width = right - left;
        if (count < 10 || width < 100) {
            return List.of();
        }
        int bins = (int) Math.ceil(width) + 1;
        int[] cover = new int[bins];
        int narrow = 0;
        for (List<Segment> row : rows) {
            for (Segment s : row) {
                if (s.x1 - s.x0 < 0.6f * width) {
                    narrow++;
                    int a = Math.max(0, (int) (s.x0 - left));
                    int b = Math.min(bins - 1, (int) Math.ceil(s.x1 - left));
                    for (int x = a; x <= b; x++) {
                        cover[x]++;
                    }
                }
            }
        }
        int allowed = 2 + narrow / 50;
        List<Gutter> candidates = new ArrayList<>();
        int lo = (int) (0.15f * width);
        int hi = (int) (0.85f * width);
        int start = -1;
        for (int x = lo; x <= hi + 1; x++) {
            boolean empty = x <= hi && cover[x] <= allowed;
            if (empty && start < 0) {
                start = x;
            } else if (!empty && start >= 0) {
                if (x - start >= 5) {
                    candidates.add(new Gutter(left + start, left + x));
                }
                start = -1;
            }
        }
        // a strip of hanging bullets inside the gutter splits it in two: join the halves
        List<Gutter> merged = new ArrayList<>();
        for (Gutter g : candidates) {
            Gutter last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && g.x0 - last.x1 < 12) {
                merged.set(merged.size() - 1, new Gutter(last.x0, g.x1));
            } else {
                merged.add(g);
            }
        }
        List<Gutter> gutters = new ArrayList<>();
        float colLeft = left;
        for (int i = 0; i < merged.size(); i++) {
            Gutter g = merged.get(i);
            float colRight = i + 1 < merged.size() ? merged.get(i + 1).x0 : right;
            boolean wide = g.x0 - colLeft >= 0.3f * width && right - g.x1 >= 0.3f * width;
            if (wide && (supported(rows, colLeft, g, colRight) || supported(rows, colLeft, g, right))) {
                gutters.add(g);
                colLeft = g.x1;
            }
        }
        return gutters;
    }

    private static boolean supported(List<List<Segment>> rows, float colLeft, Gutter g, float colRight) {
        float leftWidth = g.x0 - colLeft;
        float rightWidth = colRight - g.x1;
        int leftFull = 0;
        int leftAll = 0;
        int rightFull = 0;
        int rightAll = 0;
        for (List<Segment> row : rows) {
            for (Segment s : row) {
                if (s.x1 <= g.x0 + 1 && s.x0 >= colLeft - 1) {
                    leftAll++;
                    if (s.x1 - s.x0 >= 0.7f * leftWidth) {
                        leftFull++;
                    }
                } else if (s.x0 >= g.x1 - 1 && s.x1 <= colRight + 1) {
                    rightAll++;
                    if (s.x1 - s.x0 >= 0.7f * rightWidth) {
                        rightFull++;
                    }
                }
            }
        }
        // columns of prose are mostly full lines; a column of labels or table cells is not
        return leftWidth > 60 && rightWidth > 60
                && leftFull >= Math.max(4, leftAll / 2) && rightFull >= Math.max(4, rightAll / 2);
    }

    /**
     * Reads rows top to bottom; between two rows that span the columns, each column is read to its end before
     * the next one starts. Table rows span.
     */
    private List<ExtractedPdf.Line> readingOrder(List<List<Segment>> rows, List<Gutter> gutters,
                                                 List<ExtractedPdf.Line> tableLines) {
        int columns = gutters.size() + 1;
        List<ExtractedPdf.Line> out = new ArrayList<>();
        List<List<List<Segment>>> band = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            band.add(new ArrayList<>());
        }
        int nextTable = 0;
        for (List<Segment> row : rows) {
            while (nextTable < tableLines.size() && tableLines.get(nextTable).baseline() < row.get(0).base) {
                flush(band, out);
                out.add(tableLines.get(nextTable++));
            }
            if (columns == 1 || spans(row, gutters)) {
                flush(band, out);
                emit(row, 0, out);
                continue;
            }
            List<List<Segment>> perColumn = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                perColumn.add(new ArrayList<>());
            }
            for (Segment s : row) {
                perColumn.get(columnOf(s, gutters)).add(s);
            }
            for (int c = 0; c < columns; c++) {
                if (!perColumn.get(c).isEmpty()) {
                    band.get(c).add(perColumn.get(c));
                }
            }
        }
        flush(band, out);
        while (nextTable < tableLines.size()) {
            out.add(tableLines.get(nextTable++));
        }
        return out;
    }

    private static boolean spans(List<Segment> row, List<Gutter> gutters) {
        for (Segment s : row) {
            for (Gutter g : gutters) {
                if (s.x0 < g.x0 && s.x1 > g.x1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int columnOf(Segment s, List<Gutter> gutters) {
        float mid = (s.x0 + s.x1) / 2;
        int c = 0;
        while (c < gutters.size() && mid > gutters.get(c).x0) {
            c++;
        }
        return c;
    }

    private void flush(List<List<List<Segment>>> band, List<ExtractedPdf.Line> out) {
        for (int c = 0; c < band.size(); c++) {
            for (List<Segment> part : band.get(c)) {
                emit(part, c, out);
            }
            band.get(c).clear();
        }
    }

    private void emit(List<Segment> part, int column, List<ExtractedPdf.Line> out) {
        ExtractedPdf.Line previous = out.isEmpty() ? null : out.get(out.size() - 1);
        ExtractedPdf.Line line = line(part, column, previous);
        if (line != null) {
            out.add(line);
        }
    }

    /** Builds a line's text and style from its segments; segments further apart than two ems are cells. */
    private static ExtractedPdf.Line line(List<Segment> segments, int column, ExtractedPdf.Line previous) {
        StringBuilder text = new StringBuilder();
        List<String> cells = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        String leadingMarker = null;
        int cellStart = 0;
        int chars = 0;
        int boldChars = 0;
        int italicChars = 0;
        int boldPrefix = -1;
        boolean sawBoldLetter = false;
        SizeCounts sizes = new SizeCounts();
        float lastRight = Float.NaN;
        float lastSize = 0;
        boolean multiCell = false;
        for (Segment seg : segments) {
            for (Run run : seg.runs) {
                boolean first = true;
                for (int k = run.from; k < run.to; k++) {
                    Glyph g = run.glyphs.get(k);
                    if (!text.isEmpty()) {
                        float gap = g.x() - lastRight;
                        if (first && gap > 2f * Math.max(lastSize, g.size())) {
                            cells.add(text.substring(cellStart).strip());
                            multiCell = true;
                            text.append(' ');
                            cellStart = text.length();
                        } else if (g.spaceBefore() || gap > 0.15f * Math.min(lastSize, g.size())) {
                            if (text.charAt(text.length() - 1) != ' ') {
                                text.append(' ');
                            }
                        }
                    } else if (run.leadingMarker != null && leadingMarker == null) {
                        leadingMarker = run.leadingMarker;
                    }
                    first = false;
                    String t = normalise(g.text());
                    if (boldPrefix < 0 && Character.isLetter(t.charAt(0))) {
                        if (!g.bold()) {
                            boldPrefix = sawBoldLetter ? text.length() : 0;
                        }
                        sawBoldLetter = true;
                    }
                    text.append(t);
                    chars += t.length();
                    if (g.bold()) {
                        boldChars += t.length();
                    }
                    if (g.italic()) {
                        italicChars += t.length();
                    }
                    sizes.add(Math.round(g.size() * 2) / 2f, t.length());
                    lastRight = g.right();
                    lastSize = g.size();
                }
                if (!run.suffix.isEmpty()) {
                    text.append(run.suffix);
                }
                refs.addAll(run.refs);
                if (!run.refs.isEmpty() || !run.suffix.isEmpty()) {
                    lastRight = run.x1;
                }
            }
        }
        String s = text.toString().strip();
        if (s.isEmpty()) {
            return null;
        }
        if (multiCell) {
            cells.add(text.substring(cellStart).strip());
            // a paragraph number or bullet hanging in the margin is not a table cell
            if (ENUMERATOR_CELL.matcher(cells.get(0)).matches()) {
                cells.set(1, cells.get(0) + " " + cells.get(1));
                cells.remove(0);
            }
            if (cells.size() < 2) {
                cells.clear();
            }
        }
        float size = sizes.mostCommon();
        Segment first = segments.get(0);
        Segment last = segments.get(segments.size() - 1);
        float spacing = previous != null && previous.column() == column && first.base > previous.baseline()
                ? first.base - previous.baseline() : 0;
        return new ExtractedPdf.Line(s, first.x0, last.x1, first.base, column, spacing, size,
                boldChars >= 0.85f * chars, italicChars >= 0.85f * chars,
                boldPrefix < 0 ? s.length() : Math.min(boldPrefix, s.length()), refs, leadingMarker, cells, false,
                ExtractedPdf.Role.BODY);
    }

    /** NFKC (ligatures, compatibility spaces), only when the text is not plain ASCII. */
    static String normalise(String t) {
        if (t.length() == 1) {
            char c = t.charAt(0);
            if (c <= 0x7E) {
                return t;
            }
            String n = NORMALISED_CHARS[c];
            if (n == null) {
                n = normaliseAll(t);
                NORMALISED_CHARS[c] = n;  // a race only computes the same string twice
            }
            return n;
        }
        return normaliseAll(t);
    }

    private static String normaliseAll(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) > 0x7E) {
                String n = Normalizer.normalize(t, Normalizer.Form.NFKC);
                return n.replace('\u00A0', ' ').replace('\u00AD', '-');
            }
        }
        return t;
    }
}
