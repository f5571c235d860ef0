package org.evalsearch.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a valid one-page PDF whose page tree is nested {@code depth} levels deep, the shape of the shared
 * deep-nesting.pdf (3 MB), generated at test time instead of stored in the test resources.
 */
public final class DeepNestingPdf {
    private DeepNestingPdf() {}

    public static byte[] bytes(int depth) {
        String content = "BT /F1 12 Tf 72 720 Td (A page at the bottom of a deep page tree.) Tj ET";
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        // objects 2 .. depth+1 are nested page tree nodes, each the only kid of the one before
        for (int level = 0; level < depth; level++) {
            int self = 2 + level;
            String parent = level == 0 ? "" : " /Parent " + (self - 1) + " 0 R";
            objects.add("<< /Type /Pages /Kids [" + (self + 1) + " 0 R] /Count 1" + parent + " >>");
        }
        int page = depth + 2;
        objects.add("<< /Type /Page /Parent " + (page - 1) + " 0 R /MediaBox [0 0 612 792] /Contents "
                + (page + 1) + " 0 R /Resources << /Font << /F1 " + (page + 2) + " 0 R >> >> >>");
        objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append("%010d 00000 n \n".formatted(o)));
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\n"
                + "startxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
