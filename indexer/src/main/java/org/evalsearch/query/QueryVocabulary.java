package org.evalsearch.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.IndexReader;
import org.evalsearch.config.DataFiles;
import org.evalsearch.index.Analyzers;
import org.evalsearch.vocabulary.Acronyms;

/**
 * What the query side knows beyond the index analysis: the stemmer the index was built with, and the synonym
 * graph (acronyms defined in the indexed reports plus the user-editable synonyms file, {@value #ENV}).
 */
public record QueryVocabulary(Analyzers.Stemmer stemmer, SynonymMap synonyms, Acronyms acronyms) {
    public static final String ENV = "EVALSEARCH_SYNONYMS";
    private static final String FILE = "synonyms.txt";

    /** The default stemmer and the synonyms file, no acronyms. */
    public static QueryVocabulary defaults() {
        return of(Analyzers.Stemmer.DEFAULT, Acronyms.none());
    }

    /** The default stemmer, the synonyms file and the acronyms mined from the reports in {@code reader}. */
    public static QueryVocabulary forIndex(IndexReader reader) throws IOException {
        return forIndex(reader, Analyzers.Stemmer.DEFAULT);
    }

    /** For an index built with {@code stemmer}. */
    public static QueryVocabulary forIndex(IndexReader reader, Analyzers.Stemmer stemmer) throws IOException {
        return of(stemmer, Acronyms.fromIndex(reader));
    }

    public static QueryVocabulary of(Analyzers.Stemmer stemmer, Acronyms acronyms) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, Analyzers.synonymEntries());
        Path user = DataFiles.userFile(null, ENV);
        String source = DataFiles.source(user, FILE);
        try {
            try (InputStream in = DataFiles.open(user, FILE)) {
                parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String rule : acronyms.synonymRules().split("\n")) {
                addMinedRule(parser, rule);
            }
            return new QueryVocabulary(stemmer, parser.build(), acronyms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read synonyms " + source, e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad synonym rule in " + source + ": " + e.getMessage(), e);
        }
    }

    /** A mined rule that does not analyse (a long form of punctuation only) is dropped, not fatal. */
    private static void addMinedRule(SolrSynonymParser parser, String rule) throws IOException {
        if (rule.isBlank()) {
            return;
        }
        try (Reader in = new StringReader(rule)) {
            parser.parse(in);
        } catch (ParseException | IllegalArgumentException e) {
            // skipped: the synonym would never match anyway
        }
    }
}
