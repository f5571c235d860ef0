package org.evalsearch.vocabulary;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Rewrites each lower-case token to its normalised spelling (see {@link SpellingVariants}); offsets are kept. */
public final class SpellingVariantFilter extends TokenFilter {
    private final SpellingVariants variants;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public SpellingVariantFilter(TokenStream in, SpellingVariants variants) {
        super(in);
        this.variants = variants;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String normal = variants.normalise(term);
        if (normal != null) {
            term.setEmpty().append(normal);
        }
        return true;
    }
}
