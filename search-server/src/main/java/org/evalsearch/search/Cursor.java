package org.evalsearch.search;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.util.BytesRef;
import org.evalsearch.query.InvalidQueryException;

/**
 * The position after the last hit of a page, as an opaque URL-safe string: the sort values of that hit. Lucene
 * doc ids are left out because they change when segments merge; the unique id closing every sort stands in.
 */
public final class Cursor {
    private static final int MAX_LENGTH = 2048;

    private Cursor() {}

    public static String encode(FieldDoc last, Sort sort) {
        ByteBuffer buf = ByteBuffer.allocate(MAX_LENGTH);
        SortField[] fields = sort.getSort();
        for (int i = 0; i < fields.length; i++) {
            Object v = last.fields[i];
            switch (kind(fields[i])) {
                case SCORE -> buf.putFloat((Float) v);
                case BYTES -> {
                    BytesRef b = (BytesRef) v;
                    buf.putShort((short) (b == null ? -1 : b.length));
                    if (b != null) {
                        buf.put(b.bytes, b.offset, b.length);
                    }
                }
                case INT -> buf.putLong(((Number) v).longValue());
            }
        }
        byte[] out = new byte[buf.position()];
        buf.flip().get(out);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The position a cursor names, or null for none; a cursor that does not fit {@code sort} is refused. */
    public static FieldDoc decode(String cursor, Sort sort) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.strip()));
            SortField[] fields = sort.getSort();
            Object[] values = new Object[fields.length];
            float score = Float.NaN;
            for (int i = 0; i < fields.length; i++) {
                switch (kind(fields[i])) {
                    case SCORE -> {
                        score = buf.getFloat();
                        values[i] = score;
                    }
                    case BYTES -> {
                        int len = buf.getShort();
                        if (len < -1) {
                            throw invalid();
                        }
                        byte[] b = new byte[Math.max(len, 0)];
                        buf.get(b);
                        values[i] = len < 0 ? null : new BytesRef(b);
                    }
                    case INT -> values[i] = Math.toIntExact(buf.getLong());
                }
            }
            if (buf.hasRemaining()) {
                throw invalid();
            }
            return new FieldDoc(Integer.MAX_VALUE, score, values);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException | ArithmeticException e) {
            throw invalid();
        }
    }

    private static InvalidQueryException invalid() {
        return new InvalidQueryException("cursor is not valid for this search and sort; start again without it");
    }

    private enum Kind { SCORE, BYTES, INT }

    private static Kind kind(SortField f) {
        if (f.getType() == SortField.Type.SCORE) {
            return Kind.SCORE;
        }
        if (f instanceof SortedNumericSortField n && n.getNumericType() == SortField.Type.INT) {
            return Kind.INT;
        }
        if (f instanceof SortedSetSortField) {
            return Kind.BYTES;
        }
        throw new IllegalStateException("no cursor encoding for sort field " + f);
    }
}
