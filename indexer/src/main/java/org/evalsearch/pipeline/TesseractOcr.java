package org.evalsearch.pipeline;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.evalsearch.extract.ExtractedPdf;

/**
 * Reads a page image with the {@code tesseract} command: the page is rendered with PDFBox, tesseract's TSV output
 * (words with boxes, grouped into lines in its reading order, columns included) becomes the same kind of lines the
 * text layer gives, so headings and paragraphs are found the same way.
 */
public final class TesseractOcr {
    private static final String COMMAND = "tesseract";
    /** Tesseract reads round bullets as one of these; list detection expects a real bullet. */
    private static final Pattern OCR_BULLET = Pattern.compile("^[¢«*©e°] (?=\\p{Lu})");

    private final OcrOptions options;

    public TesseractOcr(OcrOptions options) {
        this.options = options;
    }

    /** True when an executable {@code tesseract} is on the PATH. */
    public static boolean onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, COMMAND))) {
                return true;
            }
        }
        return false;
    }

    /** The lines of one page (0-based index), in tesseract's reading order, positioned in PDF points. */
    public List<ExtractedPdf.Line> readPage(PDDocument doc, int pageIndex, Cancellation cancellation)
            throws IOException {
        Path png = Files.createTempFile("evalsearch-ocr-", ".png");
        Path tsv = Files.createTempFile("evalsearch-ocr-", ".tsv");
        try {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(pageIndex, options.dpi(), ImageType.GRAY);
            ImageIO.write(image, "png", png.toFile());
            image.flush();
            cancellation.check();
            run(png, tsv, cancellation);
            return lines(Files.readAllLines(tsv, StandardCharsets.UTF_8), 72f / options.dpi());
        } finally {
            Files.deleteIfExists(png);
            Files.deleteIfExists(tsv);
        }
    }

    private void run(Path png, Path tsv, Cancellation cancellation) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(COMMAND, png.toString(), "stdout", "-l", options.language(), "tsv")
                .redirectOutput(tsv.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // tesseract's own threads fight the indexer's workers on a small machine; one each is faster overall
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        long deadline = System.nanoTime() + options.pageTimeout().toNanos();
        try {
            while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (cancellation.isCancelled() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    cancellation.check();
                    throw new IOException("OCR of a page took longer than " + options.pageTimeout().toSeconds()
                            + " s");
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("OCR interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("tesseract failed with exit code " + p.exitValue()
                    + " (is the language pack '" + options.language() + "' installed?)");
        }
    }

    /**
     * Groups TSV word rows (level 5) into lines by block, paragraph and line number, with coordinates turned from
     * pixels into points. Box heights vary with ascenders and descenders, so a line's font size is its paragraph's
     * median height, snapped to the page's median when close: body text gets one size, headings stay larger.
     */
    static List<ExtractedPdf.Line> lines(List<String> tsv, float pointsPerPixel) {
        List<OcrLine> lines = new ArrayList<>();
        OcrLine current = null;
        for (String row : tsv) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5") || c[11].isBlank()) {
                continue;
            }
            String paragraph = c[2] + "/" + c[3];
            String line = paragraph + "/" + c[4];
            if (current == null || !current.key.equals(line)) {
                current = new OcrLine(line, paragraph);
                lines.add(current);
            }
            current.add(c[11], Float.parseFloat(c[6]), Float.parseFloat(c[7]), Float.parseFloat(c[8]),
                    Float.parseFloat(c[9]));
        }
        Map<String, Float> paragraphSize = new HashMap<>();
        lines.stream().collect(Collectors.groupingBy(l -> l.paragraph))
                .forEach((par, ls) -> paragraphSize.put(par, median(ls.stream().map(OcrLine::height).toList())));
        float pageSize = median(lines.stream().map(l -> paragraphSize.get(l.paragraph)).toList());

        List<ExtractedPdf.Line> out = new ArrayList<>(lines.size());
        float lastBottom = Float.NaN;
        for (OcrLine l : lines) {
            String text = OCR_BULLET.matcher(Normalizer.normalize(l.text.toString(), Normalizer.Form.NFKC).strip())
                    .replaceFirst("• ");
            if (text.isEmpty()) {
                continue;
            }
            float size = paragraphSize.get(l.paragraph);
            if (Math.abs(size - pageSize) < 0.25f * pageSize) {
                size = pageSize;
            }
            float spacing = Float.isNaN(lastBottom) || l.bottom <= lastBottom ? 0 : (l.bottom - lastBottom) * pointsPerPixel;
            out.add(ExtractedPdf.Line.plain(text, l.left * pointsPerPixel, l.right * pointsPerPixel,
                    l.bottom * pointsPerPixel, spacing, size * pointsPerPixel));
            lastBottom = l.bottom;
        }
        return out;
    }

    private static float median(List<Float> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Float> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Words of one tesseract line as they are read, with the line's box in pixels. */
    private static final class OcrLine {
        final String key, paragraph;
        final StringBuilder text = new StringBuilder();
        float left = Float.MAX_VALUE, top = Float.MAX_VALUE, bottom, right;

        OcrLine(String key, String paragraph) {
            this.key = key;
            this.paragraph = paragraph;
        }

        void add(String word, float x, float y, float w, float h) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(word);
            left = Math.min(left, x);
            right = Math.max(right, x + w);
            top = Math.min(top, y);
            bottom = Math.max(bottom, y + h);
        }

        float height() {
            return bottom - top;
        }
    }
}
