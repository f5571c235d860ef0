package org.evalsearch.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.evalsearch.pipeline.PdfPreflight;
import org.evalsearch.pipeline.RejectedPdfException;

/**
 * Adds and removes PDFs in the corpus folder for the admin endpoints. An upload is streamed to a hidden temp
 * file in the same folder (never seen by the indexer, which lists {@code *.pdf}), checked for size and the PDF
 * header, flushed to disk and renamed into place atomically; an existing file is never replaced.
 */
public final class CorpusFiles {
    /** Letters, digits, spaces and . _ ( ) - ; ends in .pdf; no path separators, no leading dot. */
    private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}_(][\\p{L}\\p{N} ._()\\-]{0,195}\\.[pP][dD][fF]");

    private final Path corpus;
    private final long maxUploadBytes;
    private final Object renameLock = new Object();

    public CorpusFiles(Path corpus, long maxUploadBytes) {
        this.corpus = corpus.toAbsolutePath().normalize();
        this.maxUploadBytes = maxUploadBytes;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Opens an upload's body; asking for it tells an HTTP client waiting on "Expect: 100-continue" to send it. */
    public interface Body {
        InputStream open() throws IOException;
    }

    /**
     * Stores an upload as {@code name}; {@code declaredLength} is the Content-Length, or -1. The name, the declared
     * size and whether the name is free are checked before the body is opened, so that a refused upload is
     * answered before its client sends the file (an early answer while the client still writes reaches it as a
     * broken pipe, not as the answer).
     */
    public Path add(String name, Body body, long declaredLength) throws IOException {
        checkName(name);
        if (declaredLength > maxUploadBytes) {
            throw tooLarge();
        }
        Path target = corpus.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(name);
        }
        Path temp = Files.createTempFile(corpus, ".upload-", ".part");
        try {
            copyAtMost(body.open(), temp);
            try {
                PdfPreflight.check(temp, maxUploadBytes);
            } catch (RejectedPdfException e) {
                throw new AdminRefusal(415, "not accepted: " + e.reason());
            }
            readableLikeTheOtherReports(temp);
            synchronized (renameLock) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw exists(name);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes a PDF of the corpus folder; false when there is no such file. Links are never followed. */
    public boolean delete(String name) throws IOException {
        checkName(name);
        Path target = corpus.resolve(name);
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return Files.deleteIfExists(target);
    }

    private void copyAtMost(InputStream body, Path temp) throws IOException {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = body.read(buf)) > 0; ) {
                total += n;
                if (total > maxUploadBytes) {
                    throw tooLarge();
                }
                ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
            // the rename must not publish a file whose bytes are still only in the page cache
            out.force(true);
        }
    }

    /** Temp files are created owner-only; a report in the corpus folder is as readable as one copied there. */
    private static void readableLikeTheOtherReports(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void checkName(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new AdminRefusal(400, "file name must be a plain name ending in .pdf (letters, digits, spaces, "
                    + ". _ ( ) -; at most 200 characters)");
        }
    }

    private AdminRefusal tooLarge() {
        String limit = maxUploadBytes >= 1 << 20 ? (maxUploadBytes >> 20) + " MB" : (maxUploadBytes >> 10) + " KB";
        return new AdminRefusal(413, "upload larger than the limit of " + limit + " (--max-upload-mb)");
    }

    private static AdminRefusal exists(String name) {
        return new AdminRefusal(409, "'" + name + "' already exists in the corpus; delete it first to replace it");
    }
}
