package org.evalsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;

/** The analysis chains shared by indexing, querying and theme matching. */
public final class Analyzers {
    private Analyzers() {}

    /** English full text: standard tokens, possessives removed, lower case, accents folded, KStem. */
    public static Analyzer english() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("englishPossessive")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .addTokenFilter("kStem")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
