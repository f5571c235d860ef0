package org.evalsearch.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Rejects a decompression bomb before extraction: each page's Flate-compressed content streams are inflated only
 * to count their bytes, stopping at the limit. A real page's content is kilobytes to a few megabytes; a bomb's is
 * gigabytes of padding that would otherwise be parsed to the end (inflating 100 MB to count it takes well under a
 * second). Streams with other filters are left to the time budget. A page whose compressed content is too small to
 * reach the limit at Deflate's highest possible ratio is not inflated: the check would otherwise inflate every
 * page once more than extraction does.
 */
final class InflateGuard {
    /** Deflate expands at most 1032 times (a 258-byte match takes at least 2 bits); with a margin. */
    static final int MAX_INFLATE_RATIO = 1100;

    private InflateGuard() {}

    static void check(PDDocument doc, long maxBytesPerPage, Cancellation cancellation) throws IOException {
        int number = 0;
        for (PDPage page : doc.getPages()) {
            number++;
            cancellation.check();
            List<COSStream> streams = contentStreams(page);
            if (rawFlateBytes(streams) * MAX_INFLATE_RATIO <= maxBytesPerPage) {
                continue;
            }
            long total = 0;
            for (COSStream stream : streams) {
                total += inflatedSize(stream, maxBytesPerPage - total + 1);
                if (total > maxBytesPerPage) {
                    throw new RejectedPdfException(("page %d content inflates to more than %d MB (a decompression "
                            + "bomb?; limit --max-page-content-mb)").formatted(number, maxBytesPerPage >> 20));
                }
            }
        }
    }

    private static List<COSStream> contentStreams(PDPage page) {
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        List<COSStream> streams = new ArrayList<>();
        if (contents instanceof COSStream s) {
            streams.add(s);
        } else if (contents instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSStream s) {
                    streams.add(s);
                }
            }
        }
        return streams;
    }

    /** The compressed size of the Flate-only streams, as stored in the file (not as their /Length claims). */
    private static long rawFlateBytes(List<COSStream> streams) throws IOException {
        long n = 0;
        for (COSStream stream : streams) {
            if (flateOnly(stream.getFilters())) {
                try (InputStream raw = stream.createRawInputStream()) {
                    n += raw.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
        return n;
    }

    /** Bytes the stream inflates to, counted up to {@code atMost}; 0 when it is not (only) Flate-compressed. */
    private static long inflatedSize(COSStream stream, long atMost) throws IOException {
        if (!flateOnly(stream.getFilters())) {
            return 0;
        }
        long n = 0;
        try (InputStream in = new InflaterInputStream(stream.createRawInputStream())) {
            byte[] buf = new byte[1 << 16];
            for (int r; n < atMost && (r = in.read(buf)) > 0; ) {
                n += r;
            }
        } catch (ZipException | java.io.EOFException damaged) {
            // a damaged stream is the extractor's to recover or report; what was inflated so far counts
        }
        return n;
    }

    private static boolean flateOnly(COSBase filters) {
        if (filters instanceof COSArray array) {
            return array.size() == 1 && flateOnly(array.getObject(0));
        }
        return COSName.FLATE_DECODE.equals(filters) || COSName.FLATE_DECODE_ABBREVIATION.equals(filters);
    }
}
