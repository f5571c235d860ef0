package org.evalsearch.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The web page's files, from a classpath folder, kept in memory once read (a few small files), with a validator
 * so that browsers revalidate rather than download again.
 *
 * <p>Javalin's classpath static files would serve them too, but to find them Jetty mounts the whole application
 * jar as a zip file system: a pass over its ~16,600 entries while the server starts, and an index of them kept
 * on the heap for the server's life (66k {@code ZipFileSystem$IndexNode}, 2.7 MB, at 100x).
 */
public final class WebFiles {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "json", "application/json");
    /** Names in folders, without dot segments or escapes: nothing outside the folder can be named. */
    private static final Pattern NAME = Pattern.compile("(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)+");

    private record File(byte[] bytes, String type, String etag) {}

    private final String folder;
    /** Only files found are kept, so requests for made-up names cannot grow it. */
    private final Map<String, File> read = new ConcurrentHashMap<>();

    /** @param folder classpath folder, e.g. {@code /web} */
    public WebFiles(String folder) {
        this.folder = folder;
    }

    /** Whether the folder is on the classpath (a build without the page serves the API only). */
    public boolean present() {
        return WebFiles.class.getResource(folder) != null;
    }

    /** {@code /} is {@code index.html}; a name that is not a file of the folder is a 404. */
    public void serve(Context ctx) {
        String name = ctx.path().equals("/") ? "index.html" : ctx.path().substring(1);
        File file = NAME.matcher(name).matches() ? find(name) : null;
        if (file == null) {
            ctx.status(404);
            return;
        }
        ctx.header("Cache-Control", "max-age=0").header("ETag", file.etag());
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(file.type()).result(file.bytes());
    }

    private File find(String name) {
        File known = read.get(name);
        if (known != null) {
            return known;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        try (InputStream in = WebFiles.class.getResourceAsStream(folder + "/" + name)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            File file = new File(bytes, TYPES.getOrDefault(extension, "application/octet-stream"),
                    "\"" + Long.toHexString(crc.getValue()) + "-" + bytes.length + "\"");
            read.put(name, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + "/" + name, e);
        }
    }
}
