package org.evalsearch.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.evalsearch.vocabulary.SpellingVariantFilter;
import org.evalsearch.vocabulary.SpellingVariants;

/**
 * The analysis chains shared by indexing, querying and theme matching.
 *
 * <p>English: standard tokens, possessives removed, lower case, accents folded, British spellings normalised
 * ({@link SpellingVariants}), then a stemmer. KStem is the default: on the dev queries it scored as well as Porter
 * while conflating less (Porter maps "policy"/"police", "general"/"generate", "organization"/"organ"), and better than
 * the minimal (plural-only) stemmer. At query time the same chain takes a synonym graph (acronyms and the user's
 * synonyms) just before the stemmer, so that multi-word synonyms are stemmed like the text they must match.
 *
 * <p>French and Spanish passages are also indexed in their own fields with Lucene's French and Spanish analyzers
 * (elision, stop words, light stemming); see {@link Schema#TEXT_FR}, {@link Schema#TEXT_ES}.
 */
public final class Analyzers {
    private Analyzers() {}

    /** English stemmers that can end the chain. */
    public enum Stemmer {
        KSTEM, PORTER, MINIMAL, NONE;

        public static final Stemmer DEFAULT = KSTEM;

        TokenStream wrap(TokenStream in) {
            return switch (this) {
                case KSTEM -> new KStemFilter(in);
                case PORTER -> new PorterStemFilter(in);
                case MINIMAL -> new EnglishMinimalStemFilter(in);
                case NONE -> in;
            };
        }
    }

    /** The default English chain for indexing (and for theme matching). */
    public static Analyzer english() {
        return english(Stemmer.DEFAULT, null);
    }

    /** The English chain with {@code stemmer}, and with query-time {@code synonyms} when not null. */
    public static Analyzer english(Stemmer stemmer, SynonymMap synonyms) {
        SpellingVariants variants = SpellingVariants.defaults();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(new EnglishPossessiveFilter(source));
                s = new SpellingVariantFilter(new ASCIIFoldingFilter(s), variants);
                if (synonyms != null && synonyms.fst != null) {
                    s = new SynonymGraphFilter(s, synonyms, true);
                }
                return new TokenStreamComponents(source, stemmer.wrap(s));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /**
     * Up to the synonym step, without stemming: how synonym entries are tokenised so that they line up with the
     * query's tokens at the point where the synonym filter sees them.
     */
    public static Analyzer synonymEntries() {
        return english(Stemmer.NONE, null);
    }

    public static Analyzer french() {
        return new FrenchAnalyzer();
    }

    public static Analyzer spanish() {
        return new SpanishAnalyzer();
    }

    /** Per field: English by default, French and Spanish for the language fields. */
    public static Analyzer perField(Analyzer english) {
        return perField(english, Map.of());
    }

    /** As {@link #perField(Analyzer)}, with other analyzers for some fields. */
    static Analyzer perField(Analyzer english, Map<String, Analyzer> others) {
        Map<String, Analyzer> fields = new HashMap<>(others);
        fields.put(Schema.TEXT_FR, french());
        fields.put(Schema.TEXT_ES, spanish());
        return new PerFieldAnalyzerWrapper(english, fields);
    }
}
