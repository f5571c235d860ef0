package org.evalsearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.evalsearch.vocabulary.AcronymMiner;

/**
 * The index schema, in one place for the indexer and the server: field names, how each is indexed, the facet
 * dimensions and the analyzer. One Lucene document per passage; the report's fields are copied onto each.
 */
public final class Schema {
    /** Stable passage id: document file name + "#" + ordinal. */
    public static final String ID = "id";
    /** The report's file name; also a facet. */
    public static final String DOC = "doc";
    public static final String ORDINAL = "ordinal";
    public static final String EVALUATION = "evaluation";
    public static final String TITLE = "title";
    public static final String SECTION = "section";
    public static final String TEXT = "text";
    public static final String LEAD = "lead";
    public static final String NOTES = "notes";
    /** The text of a French passage, analysed as French (the passage is also in {@link #TEXT}, for highlighting). */
    public static final String TEXT_FR = "text_fr";
    /** The text of a Spanish passage, analysed as Spanish. */
    public static final String TEXT_ES = "text_es";
    public static final String PAGE = "page";
    /** Set on a passage that nearly repeats an earlier one of the same evaluation: that passage's id. */
    public static final String REPEATS = "repeats";
    /** Acronyms a passage defines, one term "SHORT\tLong form" each, read back as query-time synonyms. */
    public static final String ACRONYM = "acronym";
    /**
     * Set (to {@value #LEAD_IN}) on a short paragraph that only introduces what follows ("The evaluation
     * recommends the following:"): it names the topic in few words, so it outranks the items it announces.
     */
    public static final String ROLE = "role";
    public static final String LEAD_IN = "lead_in";
    /** Longest last line, in words, of a paragraph that counts as a lead-in. */
    static final int LEAD_IN_MAX_WORDS = 30;
    /** The passage's sentence embedding for dense retrieval, when the index was built with vectors. */
    public static final String VECTOR = "vector";
    /** The whole {@link PassageRecord} as JSON, for display and export. */
    public static final String RECORD = "record";

    public static final String TYPE = "type";
    public static final String THEME = "theme";
    public static final String CRITERION = "criterion";
    public static final String COUNTRY = "country";
    public static final String REGION = "region";
    public static final String YEAR = "year";
    public static final String EVALUATION_TYPE = "evaluation_type";
    public static final String LANGUAGE = "language";
    public static final String PRIORITY = "priority";
    public static final String STANCE = "stance";

    /** Facet dimensions, named as the API's filters. */
    public static final List<String> FACETS = List.of(
            TYPE, THEME, CRITERION, COUNTRY, REGION, YEAR, DOC, EVALUATION_TYPE, LANGUAGE, PRIORITY, STANCE);
    public static final List<String> MULTI_VALUED_FACETS = List.of(THEME, CRITERION, COUNTRY, REGION);
    /** Analysed full-text fields, searched by default. */
    public static final List<String> TEXT_FIELDS = List.of(TEXT, TITLE, SECTION, LEAD, NOTES);

    /** Commit user data key holding the JSON map of indexed reports (file name to {@code ReportMeta}). */
    public static final String REPORTS_COMMIT_KEY = "reports";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private Schema() {}

    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        MULTI_VALUED_FACETS.forEach(dim -> config.setMultiValued(dim, true));
        return config;
    }

    /**
     * The analyzer for indexing every analysed field (English, French and Spanish text fields). A passage's title
     * and section path repeat from passage to passage, and are analysed once while they repeat
     * ({@link LastTextAnalyzer}).
     */
    public static Analyzer analyzer() {
        return Analyzers.perField(Analyzers.english(), Map.of(
                TITLE, new LastTextAnalyzer(Analyzers.english()), SECTION, new LastTextAnalyzer(Analyzers.english())));
    }

    public static Term idTerm(String id) {
        return new Term(ID, id);
    }

    public static Term docTerm(String doc) {
        return new Term(DOC, doc);
    }

    /** The Lucene document for one passage, before {@link FacetsConfig#build}. */
    public static Document toDocument(PassageRecord r) {
        return toDocument(r, null);
    }

    /** As {@link #toDocument(PassageRecord)}, with the passage's embedding when {@code vector} is not null. */
    public static Document toDocument(PassageRecord r, float[] vector) {
        Document d = new Document();
        if (vector != null) {
            d.add(PassageVectors.field(vector));
        }
        d.add(new KeywordField(ID, r.id(), Field.Store.YES));
        d.add(new KeywordField(DOC, r.doc(), Field.Store.NO));
        d.add(new IntField(ORDINAL, r.ordinal(), Field.Store.NO));
        d.add(new IntField(YEAR, r.year(), Field.Store.NO));
        d.add(new IntField(PAGE, r.page(), Field.Store.NO));
        if (r.evaluation() != null) {
            d.add(new KeywordField(EVALUATION, r.evaluation(), Field.Store.NO));
        }
        if (r.repeats() != null) {
            d.add(new KeywordField(REPEATS, r.repeats(), Field.Store.NO));
        }
        if (isLeadIn(r)) {
            d.add(new StringField(ROLE, LEAD_IN, Field.Store.NO));
        }
        d.add(new Field(TEXT, r.text(), TEXT_WITH_OFFSETS));
        String languageField = languageField(r.language());
        if (languageField != null) {
            d.add(new TextField(languageField, r.text(), Field.Store.NO));
        }
        AcronymMiner.mine(r.section(), r.text()).forEach(a -> d.add(new StringField(ACRONYM, a.encode(), Field.Store.NO)));
        d.add(new Field(TITLE, nullToEmpty(r.title()), TEXT_WITH_OFFSETS));
        d.add(new Field(SECTION, nullToEmpty(r.section()), TEXT_WITH_OFFSETS));
        if (r.lead() != null) {
            d.add(new Field(LEAD, r.lead(), TEXT_WITH_OFFSETS));
        }
        for (String note : r.notes()) {
            d.add(new Field(NOTES, note, TEXT_WITH_OFFSETS));
        }
        d.add(new StoredField(RECORD, toJson(r)));

        facet(d, TYPE, r.type());
        r.themes().forEach(v -> facet(d, THEME, v));
        r.criteria().forEach(v -> facet(d, CRITERION, v));
        r.countries().forEach(v -> facet(d, COUNTRY, v));
        r.regions().forEach(v -> facet(d, REGION, v));
        facet(d, YEAR, r.year() > 0 ? Integer.toString(r.year()) : null);
        facet(d, DOC, r.doc());
        facet(d, EVALUATION_TYPE, r.evaluationType());
        facet(d, LANGUAGE, r.language());
        facet(d, PRIORITY, r.priority());
        facet(d, STANCE, r.stance());
        return d;
    }

    /** A paragraph whose own text (after the headings it opens) is one short sentence ending in a colon. */
    static boolean isLeadIn(PassageRecord r) {
        String text = r.text() == null ? "" : r.text().strip();
        if (!"paragraph".equals(r.kind()) || !text.endsWith(":")) {
            return false;
        }
        String own = text.substring(text.lastIndexOf('\n') + 1);
        return own.split("\\s+").length <= LEAD_IN_MAX_WORDS;
    }

    public static PassageRecord fromJson(String json) {
        try {
            return JSON.readValue(json, PassageRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(PassageRecord r) {
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extra text field of a language that has its own analysis, or null. */
    public static String languageField(String language) {
        if (language == null) {
            return null;
        }
        return switch (language) {
            case "fr" -> TEXT_FR;
            case "es" -> TEXT_ES;
            default -> null;
        };
    }

    private static void facet(Document d, String dim, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new SortedSetDocValuesFacetField(dim, value));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static FieldType textWithOffsets() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }
}
