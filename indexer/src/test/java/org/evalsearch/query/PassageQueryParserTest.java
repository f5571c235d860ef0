package org.evalsearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.evalsearch.evaluate.RebuiltIndex;
import org.evalsearch.evaluate.StoredPassages;
import org.evalsearch.index.Analyzers;
import org.evalsearch.index.PassageRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PassageQueryParserTest {
    private static RebuiltIndex index;
    private static IndexSearcher searcher;
    private static PassageQueryParser parser;

    private static PassageRecord passage(int n, String language, String section, String type, String text) {
        return new PassageRecord("r.pdf#" + n, "r.pdf", n, "A report", 2013, "e", "project", language, 1, null, section,
                "paragraph", type, null, null, List.of(), null, null, List.of(), List.of(), List.of(), List.of(), null,
                Map.of(), List.of(), null, false, text);
    }

    @BeforeAll
    static void build() throws IOException {
        index = new RebuiltIndex(List.of(
                passage(0, "en", "Introduction", "other",
                        "The work follows the ILO Multilateral Framework on Labour Migration (MFLM) adopted in 2005."),
                passage(1, "en", "Findings", "finding",
                        "Constituents found the Multilateral Framework on Labour Migration useful for policy."),
                passage(2, "en", "Findings", "finding",
                        "Migration statistics remain weak; no recommendations were made on data."),
                passage(3, "en", "Recommendations", "recommendation",
                        "Improve the statistics on migrant workers with national statistical offices."),
                passage(4, "fr", "Constats", "finding",
                        "Le projet a renforcé l'emploi des travailleurs migrants."),
                passage(5, "en", "Findings", "finding", "Employers paid the fees of the programme."),
                passage(6, "es", "Hallazgos", "finding", "La labor del proyecto sigue en curso."),
                passage(7, "en", "Findings", "finding", "Labour inspection improved over the years in all provinces."),
                passage(8, "en", "Lessons", "lesson_learned", "Lessons\nThe evaluation drew lessons on remittances:"),
                passage(9, "en", "Lessons", "lesson_learned",
                        "Remittances sent through formal channels cost migrant workers less where banks compete.")),
                Analyzers.Stemmer.DEFAULT);
        searcher = new IndexSearcher(index.reader());
        parser = PassageQueryParser.forIndex(index.reader());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<String> ids(String q) throws IOException {
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(parser.parse(q), 10).scoreDocs) {
            out.add(StoredPassages.load(index.reader(), sd.doc).id());
        }
        return out;
    }

    @Test
    void anAcronymFindsItsLongFormAndTheOtherWayRound() throws IOException {
        assertEquals(List.of("r.pdf#0", "r.pdf#1"), ids("MFLM").stream().sorted().toList());
        assertEquals(List.of("r.pdf#0", "r.pdf#1"), ids("mflm").stream().sorted().toList());
    }

    @Test
    void americanSpellingFindsBritish() throws IOException {
        assertEquals(List.of("r.pdf#5"), ids("program"));
        assertEquals(List.of("r.pdf#0", "r.pdf#1", "r.pdf#6", "r.pdf#7"), ids("labor").stream().sorted().toList());
    }

    @Test
    void frenchPassagesAreSearchedWithFrenchAnalysis() throws IOException {
        assertEquals(List.of("r.pdf#4"), ids("emploi"));
    }

    @Test
    void passagesInTheQuerysLanguageComeFirst() throws IOException {
        assertEquals("r.pdf#7", ids("labor inspection").get(0));
        assertEquals("r.pdf#6", ids("la labor del proyecto").get(0));
        assertEquals(QueryLanguage.FRENCH, QueryLanguage.guess("travailleurs migrants et l'emploi"));
        assertEquals(QueryLanguage.SPANISH, QueryLanguage.guess("migración laboral"));
        assertEquals(QueryLanguage.ENGLISH, QueryLanguage.guess("labour migration statistics"));
    }

    @Test
    void intentWordsPreferTheTypeAndSayWhatTheyImplied() throws IOException {
        ParsedQuery p = parser.understand("recommendations on statistics");
        assertEquals(Map.of("type", "recommendation"), p.implied());
        assertEquals("statistics", p.topic());
        assertEquals("r.pdf#3", ids("recommendations on statistics").get(0));
        assertEquals(Map.of(), parser.understand("recommendations on statistics", false).implied());
    }

    @Test
    void badQueriesAreReportedNotThrownRaw() {
        assertThrows(InvalidQueryException.class, () -> parser.parse("(unclosed"));
        Map<String, String> said = Map.of(
                "\"labour migr", "a phrase has no closing quote (\")",
                "statistics AND (labour", "a parenthesis '(' is not closed",
                "statistics) labour", "a closing parenthesis ')' has no opening one",
                "statistics AND", "AND, OR, NOT, + and - need a word after them",
                "OR statistics", "AND and OR need a word on each side",
                "*migration", "a word cannot start with * or ?; put the wildcard at the end, as in migra*");
        said.forEach((q, mistake) -> assertEquals("cannot parse query: " + mistake,
                assertThrows(InvalidQueryException.class, () -> parser.parse(q)).getMessage(), q));
        for (String fine : List.of("\"labour migration\"", "(statistics OR data) AND labour", "migra*", "a\\\"b")) {
            parser.parse(fine);
        }
        assertThrows(InvalidQueryException.class, () -> parser.parse("x".repeat(PassageQueryParser.MAX_QUERY_LENGTH + 1)));
    }

    @Test
    void aShortLeadInRanksBelowThePassagesItAnnounces() throws IOException {
        assertEquals(List.of("r.pdf#9", "r.pdf#8"), ids("remittances"));
    }
}
