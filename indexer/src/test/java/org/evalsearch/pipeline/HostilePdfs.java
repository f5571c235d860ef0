package org.evalsearch.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Small valid PDFs shaped like the shared adversarial files, generated at test time instead of stored: a page tree
 * nested thousands of levels deep (deep-nesting.pdf, 3 MB) and a page whose content inflates far beyond its size
 * (inflate-bomb.pdf, 1 MB).
 */
public final class HostilePdfs {
    private static final String TEXT = "BT /F1 12 Tf 72 720 Td (A line of text on a hostile page.) Tj ET\n";

    private HostilePdfs() {}

    /** One page under {@code depth} nested page tree nodes, each the only kid of the one before. */
    /**
     * A page tree nesting that overflows the worker's stack whatever the JIT has compiled: at 30,000 levels a
     * warmed-up JVM sometimes fitted the recursion in the stack and read the file.
     */
    public static final int OVERFLOWING_DEPTH = 200_000;

    public static byte[] deepPageTree(int depth) {
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        for (int level = 0; level < depth; level++) {
            int self = 2 + level;
            String parent = level == 0 ? "" : " /Parent " + (self - 1) + " 0 R";
            objects.add(ascii("<< /Type /Pages /Kids [" + (self + 1) + " 0 R] /Count 1" + parent + " >>"));
        }
        int page = depth + 2;
        addPage(objects, page, page - 1, ascii(TEXT), "");
        return pdf(objects);
    }

    /** One page of text followed by {@code padding} spaces, Flate-compressed (a megabyte of padding is ~1 KB). */
    public static byte[] inflateBomb(int padding) {
        byte[] content = new byte[TEXT.length() + padding];
        System.arraycopy(ascii(TEXT), 0, content, 0, TEXT.length());
        Arrays.fill(content, TEXT.length(), content.length, (byte) ' ');
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!deflater.finished()) {
            compressed.write(buf, 0, deflater.deflate(buf));
        }
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        addPage(objects, 3, 2, compressed.toByteArray(), " /Filter /FlateDecode");
        return pdf(objects);
    }

    /** The page (object {@code page}), its content stream and its font, as objects page, page+1, page+2. */
    private static void addPage(List<byte[]> objects, int page, int parent, byte[] content, String filter) {
        objects.add(ascii("<< /Type /Page /Parent " + parent + " 0 R /MediaBox [0 0 612 792] /Contents "
                + (page + 1) + " 0 R /Resources << /Font << /F1 " + (page + 2) + " 0 R >> >> >>"));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(ascii("<< /Length " + content.length + filter + " >>\nstream\n"));
        stream.writeBytes(content);
        stream.writeBytes(ascii("\nendstream"));
        objects.add(stream.toByteArray());
        objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
    }

    private static byte[] pdf(List<byte[]> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        out.writeBytes(ascii("%PDF-1.4\n"));
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append("%010d 00000 n \n".formatted(o)));
        out.writeBytes(ascii(table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\n"
                + "startxref\n" + xref + "\n%%EOF\n"));
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
