package org.evalsearch.pipeline;

import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The bytes of a PDF as PDFBox reads them, failing every read once the file's budget is cancelled. Parsing,
 * and decoding of each content stream, read through here, so a runaway file stops within one stream.
 */
final class CancellableSource implements RandomAccessRead {
    private final RandomAccessRead delegate;
    private final Cancellation cancellation;

    CancellableSource(RandomAccessRead delegate, Cancellation cancellation) {
        this.delegate = delegate;
        this.cancellation = cancellation;
    }

    @Override
    public int read() throws IOException {
        cancellation.check();
        return delegate.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        cancellation.check();
        return delegate.read(b, off, len);
    }

    @Override
    public long getPosition() throws IOException {
        return delegate.getPosition();
    }

    @Override
    public void seek(long position) throws IOException {
        cancellation.check();
        delegate.seek(position);
    }

    @Override
    public long length() throws IOException {
        return delegate.length();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public boolean isEOF() throws IOException {
        return delegate.isEOF();
    }

    @Override
    public int peek() throws IOException {
        cancellation.check();
        return delegate.peek();
    }

    @Override
    public void rewind(int bytes) throws IOException {
        delegate.rewind(bytes);
    }

    /** Views get their own copy of the file (as PDFBox's own do) wrapped in the same check. */
    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
        cancellation.check();
        RandomAccessRead inner = new CancellableSource(delegate.createView(startPosition, streamLength), cancellation);
        return new RandomAccessReadView(inner, 0, streamLength, true);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
