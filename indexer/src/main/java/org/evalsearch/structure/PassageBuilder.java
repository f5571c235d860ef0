package org.evalsearch.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.evalsearch.extract.ExtractedPdf;

/**
 * Turns a PDF's lines into headings and passages: headings build the section path, other lines are joined
 * into paragraphs and list items.
 */
public final class PassageBuilder {
    private static final Pattern NUMBERED_HEADING = Pattern.compile("^(\\d+(\\.\\d+)*\\.?|[IVX]+\\.)\\s+\\p{Lu}.{0,100}$");
    private static final Pattern BULLET = Pattern.compile("^([•▪◦\\-–]|\\(?[a-z0-9]{1,3}[.)])\\s+.*");

    public List<Passage> build(ExtractedPdf pdf) {
        float bodySize = bodyFontSize(pdf);
        List<Passage> out = new ArrayList<>();
        List<String> section = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        int paraPage = 0;
        String paraLabel = null;
        Passage.Kind kind = Passage.Kind.PARAGRAPH;
        for (ExtractedPdf.PageText page : pdf.pages()) {
            for (ExtractedPdf.Line line : page.lines()) {
                String t = line.text();
                boolean heading = t.length() < 120 && !t.endsWith(".")
                        && (line.fontSize() > bodySize + 1 || (line.bold() && NUMBERED_HEADING.matcher(t).matches()));
                boolean startsNew = heading || BULLET.matcher(t).matches() || line.gapAbove() > bodySize * 0.6f;
                if (startsNew && para.length() > 0) {
                    out.add(new Passage(out.size(), paraPage, paraLabel, section, kind, para.toString(), null, List.of(), false));
                    para.setLength(0);
                }
                if (heading) {
                    section = List.of(t);
                    continue;
                }
                if (para.length() == 0) {
                    paraPage = page.number();
                    paraLabel = page.label();
                    kind = BULLET.matcher(t).matches() ? Passage.Kind.LIST_ITEM : Passage.Kind.PARAGRAPH;
                    para.append(t);
                } else if (para.charAt(para.length() - 1) == '-') {
                    para.setLength(para.length() - 1);
                    para.append(t);
                } else {
                    para.append(' ').append(t);
                }
            }
        }
        if (para.length() > 0) {
            out.add(new Passage(out.size(), paraPage, paraLabel, section, kind, para.toString(), null, List.of(), false));
        }
        return out;
    }

    private static float bodyFontSize(ExtractedPdf pdf) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (ExtractedPdf.PageText page : pdf.pages()) {
            for (ExtractedPdf.Line line : page.lines()) {
                counts.merge(Math.round(line.fontSize()), line.text().length(), Integer::sum);
            }
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(e -> (float) e.getKey()).orElse(10f);
    }
}
