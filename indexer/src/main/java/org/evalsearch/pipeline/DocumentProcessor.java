package org.evalsearch.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.evalsearch.catalog.Catalog;
import org.evalsearch.catalog.MetadataGuesser;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.extract.ExtractedPdf;
import org.evalsearch.extract.PdfExtractor;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.structure.OpenedHeadings;
import org.evalsearch.structure.Passage;
import org.evalsearch.structure.PassageBuilder;
import org.evalsearch.tagging.TaggedPassage;
import org.evalsearch.tagging.Tagger;

/**
 * One report through the whole pipeline: check, open within limits, extract (OCR of pages without a text layer),
 * structure, describe, tag. A file that cannot be indexed ends in a {@link RejectedPdfException} with the reason.
 */
public final class DocumentProcessor {
    private final Catalog catalog;
    private final ExtractionLimits limits;
    private final TesseractOcr ocr;
    private final PdfExtractor extractor = new PdfExtractor();
    private final PassageBuilder passageBuilder = new PassageBuilder();
    private final MetadataGuesser guesser = new MetadataGuesser();
    private final Tagger tagger = new Tagger();

    public DocumentProcessor(Catalog catalog) {
        this(catalog, ExtractionLimits.defaults());
    }

    public DocumentProcessor(Catalog catalog, ExtractionLimits limits) {
        this.catalog = catalog;
        this.limits = limits;
        this.ocr = limits.ocr().enabled() ? new TesseractOcr(limits.ocr()) : null;
    }

    /**
     * The result of processing one file: its description, its passages as they will be indexed, and what went
     * wrong without stopping it (repaired damage, pages left unread).
     */
    public record ProcessedDocument(ReportMeta meta, List<PassageRecord> passages, List<String> warnings) {
        public ProcessedDocument {
            warnings = List.copyOf(warnings);
        }
    }

    public ProcessedDocument process(Path pdf, String sha256) throws IOException {
        return process(pdf, sha256, Cancellation.none());
    }

    public ProcessedDocument process(Path pdf, String sha256, Cancellation cancellation) throws IOException {
        String name = pdf.getFileName().toString();
        List<String> warnings = new ArrayList<>(PdfPreflight.check(pdf, limits.maxFileBytes()));
        Set<Integer> ocrPages = new TreeSet<>();
        ExtractedPdf read;
        try (PDDocument doc = open(pdf, cancellation)) {
            if (doc.getNumberOfPages() > limits.maxPages()) {
                throw new RejectedPdfException("too many pages (%d; limit %d, --max-pages)"
                        .formatted(doc.getNumberOfPages(), limits.maxPages()));
            }
            InflateGuard.check(doc, limits.maxPageContentBytes(), cancellation);
            read = extractor.extract(doc);
            cancellation.check();
            checkTextSize(read);
            read = readImagePages(doc, read, ocrPages, warnings, cancellation);
        }
        ExtractedPdf extracted = read;
        ReportMeta meta = catalog.find(name)
                .map(listed -> listed.complete() ? listed : listed.completedBy(guesser.guess(name, extracted)))
                .orElseGet(() -> guesser.guess(name, extracted))
                .withPdfFacts(extracted.pageCount(), Files.size(pdf), sha256);
        List<Passage> passages = markOcr(passageBuilder.build(extracted), ocrPages);
        cancellation.check();
        List<TaggedPassage> tagged = tagger.tag(meta, passages);
        List<String> texts = OpenedHeadings.texts(passages);
        List<PassageRecord> records = new ArrayList<>(tagged.size());
        for (int i = 0; i < tagged.size(); i++) {
            records.add(PassageRecord.of(meta, tagged.get(i), texts.get(i)));
        }
        return new ProcessedDocument(meta, records, warnings);
    }

    private PDDocument open(Path pdf, Cancellation cancellation) throws IOException {
        var source = new CancellableSource(new RandomAccessReadBufferedFile(pdf), cancellation);
        try {
            // an empty password opens files that only have an owner password (their restrictions are advisory)
            return Loader.loadPDF(source, "", MemoryUsageSetting.setupMixed(limits.pdfMemoryBytes()).streamCache);
        } catch (IOException | RuntimeException | Error e) {
            source.close();
            throw e;
        }
    }

    private void checkTextSize(ExtractedPdf extracted) throws RejectedPdfException {
        long chars = 0;
        for (ExtractedPdf.PageText page : extracted.pages()) {
            for (ExtractedPdf.Line line : page.lines()) {
                chars += line.text().length();
            }
        }
        if (chars > limits.maxChars()) {
            throw new RejectedPdfException("too much text (%d characters; limit %d, --max-chars)"
                    .formatted(chars, limits.maxChars()));
        }
    }

    /**
     * Pages with an image but no text are scans: OCR them when tesseract is available, otherwise say so. A file
     * where no page has text at all is rejected rather than indexed empty.
     */
    private ExtractedPdf readImagePages(PDDocument doc, ExtractedPdf extracted, Set<Integer> ocrPages,
                                        List<String> warnings, Cancellation cancellation) throws IOException {
        List<Integer> scanned = new ArrayList<>();
        boolean anyText = false;
        for (ExtractedPdf.PageText page : extracted.pages()) {
            if (!page.lines().isEmpty()) {
                anyText = true;
            } else if (hasImage(doc.getPage(page.number() - 1))) {
                scanned.add(page.number());
            }
        }
        if (scanned.isEmpty()) {
            if (!anyText) {
                throw new RejectedPdfException("no text found (no text layer and no page images)");
            }
            return extracted;
        }
        if (ocr == null) {
            if (!anyText) {
                throw new RejectedPdfException("no text layer (needs OCR; install tesseract-ocr or use --ocr)");
            }
            warnings.add("no text layer (needs OCR) on pages " + scanned);
            return extracted;
        }
        List<ExtractedPdf.PageText> pages = new ArrayList<>(extracted.pages());
        for (int number : scanned) {
            cancellation.check();
            ExtractedPdf.PageText before = pages.get(number - 1);
            List<ExtractedPdf.Line> lines = ocr.readPage(doc, number - 1, cancellation);
            if (!lines.isEmpty()) {
                pages.set(number - 1, new ExtractedPdf.PageText(number, before.label(), before.width(), before.height(),
                        lines));
                ocrPages.add(number);
            }
        }
        if (ocrPages.isEmpty() && !anyText) {
            throw new RejectedPdfException("no text layer, and OCR found no text");
        }
        warnings.add("OCR'd pages " + ocrPages + " (no text layer)");
        return extracted.withPages(pages);
    }

    private static boolean hasImage(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<Passage> markOcr(List<Passage> passages, Set<Integer> ocrPages) {
        if (ocrPages.isEmpty()) {
            return passages;
        }
        return passages.stream().map(p -> ocrPages.contains(p.page()) && !p.ocr()
                ? new Passage(p.ordinal(), p.page(), p.pageLabel(), p.section(), p.kind(), p.text(), p.lead(),
                        p.notes(), true)
                : p).toList();
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
