package org.evalsearch.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.evalsearch.catalog.Catalog;
import org.evalsearch.catalog.MetadataGuesser;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.extract.ExtractedPdf;
import org.evalsearch.extract.PdfExtractor;
import org.evalsearch.index.PassageRecord;
import org.evalsearch.structure.Passage;
import org.evalsearch.structure.PassageBuilder;
import org.evalsearch.tagging.Tagger;

/** One report through the whole pipeline: extract, structure, describe, tag. */
public final class DocumentProcessor {
    private final Catalog catalog;
    private final PdfExtractor extractor = new PdfExtractor();
    private final PassageBuilder passageBuilder = new PassageBuilder();
    private final MetadataGuesser guesser = new MetadataGuesser();
    private final Tagger tagger = new Tagger();

    public DocumentProcessor(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The result of processing one file: its description and its passages as they will be indexed. */
    public record ProcessedDocument(ReportMeta meta, List<PassageRecord> passages) {}

    public ProcessedDocument process(Path pdf, String sha256) throws IOException {
        String name = pdf.getFileName().toString();
        ExtractedPdf extracted = extractor.extract(pdf);
        ReportMeta meta = catalog.find(name).orElseGet(() -> guesser.guess(name, extracted))
                .withPdfFacts(extracted.pageCount(), Files.size(pdf), sha256);
        List<Passage> passages = passageBuilder.build(extracted);
        List<PassageRecord> records = tagger.tag(meta, passages).stream().map(t -> PassageRecord.of(meta, t)).toList();
        return new ProcessedDocument(meta, records);
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
