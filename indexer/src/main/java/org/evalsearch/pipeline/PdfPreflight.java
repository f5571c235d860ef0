package org.evalsearch.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap checks on a file's bytes before PDFBox opens it: rejects what is not a PDF at all, and notes damage that
 * PDFBox's lenient parser will repair (the file is still indexed, with a warning).
 */
public final class PdfPreflight {
    /** The PDF header may follow up to 1 KiB of junk, as readers accept. */
    private static final int HEADER_WINDOW = 1024;
    private static final int TRAILER_WINDOW = 2048;
    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d{1,15})");
    private static final Pattern OBJECT_HEADER = Pattern.compile("^\\s*\\d+\\s+\\d+\\s+obj");

    private PdfPreflight() {}

    /** Rejects the file, or returns warnings about damage PDFBox will work around. */
    public static List<String> check(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new RejectedPdfException("empty file (0 bytes)");
        }
        if (size > maxBytes) {
            throw new RejectedPdfException("file too large (%d MB; limit %d MB, --max-file-mb)"
                    .formatted(size >> 20, maxBytes >> 20));
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            String head = read(ch, 0, (int) Math.min(HEADER_WINDOW, size));
            if (!head.contains("%PDF-")) {
                throw new RejectedPdfException("not a PDF (no %PDF- header)");
            }
            long tailStart = Math.max(0, size - TRAILER_WINDOW);
            String tail = read(ch, tailStart, (int) (size - tailStart));
            List<String> warnings = new ArrayList<>();
            Matcher m = STARTXREF.matcher(tail);
            long xref = -1;
            while (m.find()) {
                xref = Long.parseLong(m.group(1));
            }
            if (!tail.contains("%%EOF") && xref < 0) {
                warnings.add("truncated file (no trailer): indexed the pages that could be recovered");
            } else if (xref < 0 || xref >= size || !pointsAtXref(ch, xref)) {
                warnings.add("damaged cross-reference table: rebuilt by scanning the file");
            }
            return warnings;
        }
    }

    private static boolean pointsAtXref(FileChannel ch, long offset) throws IOException {
        String s = read(ch, offset, 32);
        return s.startsWith("xref") || OBJECT_HEADER.matcher(s).find();
    }

    private static String read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining() && ch.read(buf, position + buf.position()) > 0) {
            // keep reading until the window is full or the file ends
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
    }
}
