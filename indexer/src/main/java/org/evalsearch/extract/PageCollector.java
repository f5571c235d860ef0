package org.evalsearch.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        void page(int number, float width, float height, List<Glyph> glyphs) throws IOException;
    }

    private final PageSink sink;
    private final Map<PDFont, int[]> styles = new IdentityHashMap<>();
    private List<Glyph> glyphs = new ArrayList<>();
    private boolean pendingSpace;

    PageCollector(PageSink sink) {
        this.sink = sink;
        setSortByPosition(false);
    }

    @Override
    protected void startPage(PDPage page) {
        glyphs = new ArrayList<>();
        pendingSpace = false;
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
        glyphs.add(new Glyph(u, t.getXDirAdj(), t.getWidthDirAdj(), t.getYDirAdj(), size, style[0] == 1,
                style[1] == 1, pendingSpace,
                Math.floorMod(Math.round(t.getDir()), 360)));
        pendingSpace = false;
    }

    /**
     * The glyphs written in the page's main direction: text turned sideways (margin notes, axis labels) would
     * break lines apart.
     */
    private static List<Glyph> mainDirection(List<Glyph> all) {
        int[] counts = new int[4];
        for (Glyph g : all) {
            counts[(g.dir() / 90) % 4]++;
        }
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
        List<Glyph> kept = mainDirection(glyphs);
        PDRectangle box = page.getCropBox();
        boolean turned = !kept.isEmpty() && kept.get(0).dir() % 180 != 0;
        sink.page(getCurrentPageNo(), turned ? box.getHeight() : box.getWidth(),
                turned ? box.getWidth() : box.getHeight(), kept);
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
