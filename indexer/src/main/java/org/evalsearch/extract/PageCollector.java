package org.evalsearch.extract;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects the glyphs of each page in one pass over the document. PDFBox's own sorting and line building are
 * skipped: layout is rebuilt from positions by {@link LineAssembler}, which does not trust content-stream order.
 */
final class PageCollector extends PDFTextStripper {
    /** Glyphs kept per page at most; beyond that a page is layout noise or a decompression bomb. */
    static final int MAX_GLYPHS_PER_PAGE = 60_000;

    /** Receives each page's glyphs when the page is done. */
    interface PageSink {
        void page(int number, float width, float height, List<Glyph> glyphs, List<Rule> rules) throws IOException;
    }

    /** Rules kept per page at most. */
    static final int MAX_RULES_PER_PAGE = 20_000;

    private final PageSink sink;
    private final Map<PDFont, int[]> styles = new IdentityHashMap<>();
    private List<Glyph> glyphs = new ArrayList<>();
    /** Glyphs of the page by direction (0, 90, 180, 270 degrees), counted as they are collected. */
    private final int[] directions = new int[4];
    private List<Rule> rules = new ArrayList<>();
    private boolean pendingSpace;
    private PDRectangle box;
    private float pageArea;
    private Point2D.Float pathPoint;

    PageCollector(PageSink sink) {
        this.sink = sink;
        setSortByPosition(false);
        addOperator(new RectangleOperator(this));
        addOperator(new PathOperator(this, "m", false));
        addOperator(new PathOperator(this, "l", true));
    }

    @Override
    protected void startPage(PDPage page) {
        glyphs = new ArrayList<>();
        Arrays.fill(directions, 0);
        rules = page.getRotation() % 360 == 0 ? new ArrayList<>() : null;
        pendingSpace = false;
        box = page.getCropBox();
        pageArea = box.getWidth() * box.getHeight();
        pathPoint = null;
    }

    /**
     * Records a drawn line in upright page coordinates. Table borders and cell backgrounds are what matters;
     * a rectangle as large as the page (a clip or a background) is not a rule.
     */
    private void rule(Point2D.Float a, Point2D.Float b) {
        if (rules == null || rules.size() >= MAX_RULES_PER_PAGE) {
            return;
        }
        float top = box.getUpperRightY();
        float left = box.getLowerLeftX();
        Rule r = new Rule(a.x - left, top - a.y, b.x - left, top - b.y);
        if (r.horizontal() || r.vertical()) {
            rules.add(r);
        }
    }

    private static float number(List<COSBase> operands, int i) {
        return operands.size() > i && operands.get(i) instanceof COSNumber n ? n.floatValue() : Float.NaN;
    }

    /** {@code re}: a rectangle, recorded as its four edges. */
    private static final class RectangleOperator extends OperatorProcessor {
        private final PageCollector collector;

        RectangleOperator(PageCollector collector) {
            super(collector);
            this.collector = collector;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            float x = number(operands, 0);
            float y = number(operands, 1);
            float w = number(operands, 2);
            float h = number(operands, 3);
            if (Float.isNaN(x + y + w + h)) {
                return;
            }
            Point2D.Float a = collector.transformedPoint(x, y);
            Point2D.Float b = collector.transformedPoint(x + w, y);
            Point2D.Float c = collector.transformedPoint(x + w, y + h);
            Point2D.Float d = collector.transformedPoint(x, y + h);
            if (Math.abs((c.x - a.x) * (c.y - a.y)) > 0.8f * collector.pageArea) {
                return;
            }
            collector.rule(a, b);
            collector.rule(b, c);
            collector.rule(c, d);
            collector.rule(d, a);
        }

        @Override
        public String getName() {
            return "re";
        }
    }

    /** {@code m} starts a path at a point; {@code l} draws a straight segment from the current point to one. */
    private static final class PathOperator extends OperatorProcessor {
        private final PageCollector collector;
        private final String name;
        private final boolean draws;

        PathOperator(PageCollector collector, String name, boolean draws) {
            super(collector);
            this.collector = collector;
            this.name = name;
            this.draws = draws;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            float x = number(operands, 0);
            float y = number(operands, 1);
            if (Float.isNaN(x + y)) {
                if (!draws) {
                    collector.pathPoint = null;
                }
                return;
            }
            Point2D.Float to = collector.transformedPoint(x, y);
            if (draws && collector.pathPoint != null) {
                collector.rule(collector.pathPoint, to);
            }
            collector.pathPoint = to;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    @Override
    protected void processTextPosition(TextPosition t) {
        String u = t.getUnicode();
        if (u == null || u.isEmpty()) {
            return;
        }
        if (u.isBlank()) {
            pendingSpace = true;
            return;
        }
        if (glyphs.size() >= MAX_GLYPHS_PER_PAGE) {
            return;
        }
        float size = t.getFontSizeInPt();
        if (!(size > 0.5f)) {
            size = Math.max(1f, t.getHeightDir() * 1.4f);
        }
        int[] style = styles.computeIfAbsent(t.getFont(), PageCollector::style);
        Glyph g = new Glyph(u, t.getXDirAdj(), t.getWidthDirAdj(), t.getYDirAdj(), size, style[0] == 1,
                style[1] == 1, pendingSpace,
                Math.floorMod(Math.round(t.getDir()), 360));
        glyphs.add(g);
        directions[(g.dir() / 90) % 4]++;
        pendingSpace = false;
    }

    /**
     * The glyphs written in the page's main direction: text turned sideways (margin notes, axis labels) would
     * break lines apart.
     */
    private static List<Glyph> mainDirection(List<Glyph> all, int[] counts) {
        int main = 0;
        for (int d = 1; d < 4; d++) {
            if (counts[d] > counts[main]) {
                main = d;
            }
        }
        if (counts[main] == all.size()) {
            return all;
        }
        List<Glyph> kept = new ArrayList<>(counts[main]);
        for (Glyph g : all) {
            if ((g.dir() / 90) % 4 == main) {
                kept.add(g);
            }
        }
        return kept;
    }

    @Override
    protected void writePage() {
        // layout is done by the sink, not by PDFTextStripper
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        List<Glyph> kept = mainDirection(glyphs, directions);
        boolean turned = !kept.isEmpty() && kept.get(0).dir() % 180 != 0;
        sink.page(getCurrentPageNo(), turned ? box.getHeight() : box.getWidth(),
                turned ? box.getWidth() : box.getHeight(), kept, turned || rules == null ? List.of() : rules);
    }

    private static int[] style(PDFont font) {
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        PDFontDescriptor d = font.getFontDescriptor();
        boolean bold = name.contains("bold") || name.contains("black") || name.contains("heavy")
                || name.contains("semibold") || name.contains("demi")
                || (d != null && (d.isForceBold() || d.getFontWeight() >= 600));
        boolean italic = name.contains("italic") || name.contains("oblique") || (d != null && d.isItalic());
        return new int[] {bold ? 1 : 0, italic ? 1 : 0};
    }
}
