package org.evalsearch.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * An analyzer that keeps the tokens of the last text it analysed for a field and gives them again when the next
 * text is the same, instead of analysing it again. For the fields every passage repeats from its neighbours: all
 * passages of a report carry its title, and the passages of a section its path, so at indexing these were a third
 * of the words analysed. The tokens given again are the attributes indexing reads (term, position increment and
 * length, offsets, type; the final offset and position increment), as the wrapped analyzer set them.
 */
final class LastTextAnalyzer extends AnalyzerWrapper {
    private final Analyzer delegate;

    LastTextAnalyzer(Analyzer delegate) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.delegate = delegate;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return delegate;
    }

    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        Replay replay = new Replay(components);
        return new TokenStreamComponents(replay::setReader, replay);
    }

    /** The wrapped chain's tokens, recorded as they pass, or the last text's tokens given again. */
    private static final class Replay extends TokenFilter {
        private final TokenStreamComponents analysing;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private final StringBuilder read = new StringBuilder();

        /** The last text analysed to its end, and its tokens; null before the first. */
        private String lastText;
        private Tokens last;
        /** The text now being read, and whether its tokens are given again rather than analysed. */
        private String text;
        private boolean replaying;
        private Tokens recording;
        private int next;

        Replay(TokenStreamComponents analysing) {
            super(analysing.getTokenStream());
            this.analysing = analysing;
        }

        void setReader(Reader reader) {
            read.setLength(0);
            char[] buffer = new char[256];
            try {
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    read.append(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            text = read.toString();
            replaying = text.equals(lastText);
            if (!replaying) {
                analysing.getSource().accept(new StringReader(text));
            }
        }

        @Override
        public void reset() throws IOException {
            if (replaying) {
                next = 0;
            } else {
                input.reset();
                recording = new Tokens();
            }
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (replaying) {
                if (next == last.count) {
                    return false;
                }
                clearAttributes();
                last.restore(next++, term, increment, length, offset, type);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            recording.add(term, increment, length, offset, type);
            return true;
        }

        @Override
        public void end() throws IOException {
            if (replaying) {
                endAttributes();
                offset.setOffset(last.endStart, last.endEnd);
                increment.setPositionIncrement(last.endIncrement);
                return;
            }
            input.end();
            recording.endStart = offset.startOffset();
            recording.endEnd = offset.endOffset();
            recording.endIncrement = increment.getPositionIncrement();
            last = recording;
            lastText = text;
        }

        @Override
        public void close() throws IOException {
            if (!replaying) {
                input.close();
            }
            recording = null;
        }
    }

    /** A text's tokens, attribute by attribute. */
    private static final class Tokens {
        int count;
        char[][] terms = new char[8][];
        int[] increments = new int[8];
        int[] lengths = new int[8];
        int[] starts = new int[8];
        int[] ends = new int[8];
        String[] types = new String[8];
        int endStart;
        int endEnd;
        int endIncrement;

        void add(CharTermAttribute term, PositionIncrementAttribute increment, PositionLengthAttribute length,
                 OffsetAttribute offset, TypeAttribute type) {
            if (count == terms.length) {
                int size = count * 2;
                terms = Arrays.copyOf(terms, size);
                increments = Arrays.copyOf(increments, size);
                lengths = Arrays.copyOf(lengths, size);
                starts = Arrays.copyOf(starts, size);
                ends = Arrays.copyOf(ends, size);
                types = Arrays.copyOf(types, size);
            }
            terms[count] = Arrays.copyOf(term.buffer(), term.length());
            increments[count] = increment.getPositionIncrement();
            lengths[count] = length.getPositionLength();
            starts[count] = offset.startOffset();
            ends[count] = offset.endOffset();
            types[count] = type.type();
            count++;
        }

        void restore(int i, CharTermAttribute term, PositionIncrementAttribute increment,
                     PositionLengthAttribute length, OffsetAttribute offset, TypeAttribute type) {
            term.copyBuffer(terms[i], 0, terms[i].length);
            increment.setPositionIncrement(increments[i]);
            length.setPositionLength(lengths[i]);
            offset.setOffset(starts[i], ends[i]);
            type.setType(types[i]);
        }
    }
}
