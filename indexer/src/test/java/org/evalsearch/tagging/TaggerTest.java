package org.evalsearch.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.structure.Passage;
import org.evalsearch.structure.Passage.Kind;
import org.junit.jupiter.api.Test;

/** The tagger on small, hand-made reports that follow common evaluation-report layouts. */
class TaggerTest {
    private static final Tagger TAGGER = new Tagger();
    private static final ReportMeta META = new ReportMeta("r.pdf", "A report", 2021, "eval-1", "independent", "en",
            "global", 10, 1000, "abc");

    /** Builds passages in document order; each row is {section path joined by " > ", kind, text}. */
    private static List<TaggedPassage> tag(String[]... rows) {
        List<Passage> ps = new ArrayList<>();
        for (String[] r : rows) {
            ps.add(new Passage(ps.size(), 1, null, List.of(r[0].split(" > ")), Kind.valueOf(r[1]), r[2], null, List.of(), false));
        }
        return TAGGER.tag(META, ps);
    }

    @Test
    void officeResponseChapterAnswersNumberedRecommendationsWithAStance() {
        List<TaggedPassage> t = tag(
                new String[] {"7. Recommendations", "PARAGRAPH", "Recommendation 1. Increase the visibility of the ILO."},
                new String[] {"7. Recommendations", "PARAGRAPH", "Visibility matters because partners do not see results."},
                new String[] {"7. Recommendations", "TABLE", "Responsible unit Priority Time implication Resource implication"},
                new String[] {"7. Recommendations", "TABLE", "MIGRANT, DCOMM, regional offices High Long-term Low"},
                new String[] {"7. Recommendations", "PARAGRAPH", "Recommendation 2. Strengthen monitoring and evaluation."},
                new String[] {"7. Recommendations", "PARAGRAPH", "Recommendation 3. Open an office in every country."},
                new String[] {"8. Office response", "PARAGRAPH", "The Office welcomes the findings of the evaluation."},
                new String[] {"8. Office response > Recommendation 1", "PARAGRAPH", "The Office generally agrees with the recommendation."},
                new String[] {"8. Office response > Recommendation 1", "PARAGRAPH", "It notes that resources are limited."},
                new String[] {"8. Office response > Recommendation 2", "PARAGRAPH", "The Office agrees with the recommendation."},
                new String[] {"8. Office response > Recommendation 3", "PARAGRAPH", "The Office does not agree with the recommendation."},
                new String[] {"Annex 1. Terms of reference", "PARAGRAPH", "The evaluation will assess relevance."});
        assertEquals("recommendation", t.get(0).type());
        assertEquals("1", t.get(0).number());
        assertEquals("1", t.get(1).number(), "the explanation belongs to recommendation 1");
        assertEquals(Map.of("responsible", "MIGRANT, DCOMM, regional offices", "priority", "High", "time", "Long-term",
                "resources", "Low"), t.get(0).details());
        assertEquals("High", t.get(3).priority());

        assertEquals("management_response", t.get(6).type());
        assertNull(t.get(6).respondsTo());
        assertEquals("management_response", t.get(7).type());
        assertEquals("1", t.get(7).number());
        assertEquals("r.pdf#0", t.get(7).respondsTo());
        assertEquals("partially_agreed", t.get(7).stance());
        assertEquals("partially_agreed", t.get(8).stance(), "a response's later paragraphs share its stance");
        assertEquals(List.of("r.pdf#7", "r.pdf#8"), t.get(0).responses());
        assertEquals("partially_agreed", t.get(0).stance(), "the recommendation shows its response's stance");
        assertEquals("agreed", t.get(4).stance());
        assertEquals("r.pdf#4", t.get(9).respondsTo());
        assertEquals("not_agreed", t.get(5).stance());
        assertEquals("other", t.get(11).type());
    }

    @Test
    void commentsFromTheOfficeNameTheRecommendationsTheyAnswer() {
        List<TaggedPassage> t = tag(
                new String[] {"V. Conclusions and recommendations", "LIST_ITEM", "17. The findings suggest that resources have not followed."},
                new String[] {"V. Conclusions and recommendations", "PARAGRAPH", "Recommendation 1: The evaluation recommends an internal strategy paper."},
                new String[] {"V. Conclusions and recommendations", "PARAGRAPH", "Recommendation 2: The Office should find a way to capture its work by:"},
                new String[] {"V. Conclusions and recommendations", "LIST_ITEM", "(i) assessing costs and benefits of migration;"},
                new String[] {"V. Conclusions and recommendations", "LIST_ITEM", "(ii) providing advice on remittances."},
                new String[] {"V. Conclusions and recommendations", "LIST_ITEM", "18. An advisory committee may be set up."},
                new String[] {"Comments from the Office on the evaluation", "LIST_ITEM", "19. The Office welcomes the findings of the evaluation."},
                new String[] {"Comments from the Office on the evaluation", "LIST_ITEM", "20. The Office will now act on recommendation 1 and develop a strategy paper."},
                new String[] {"Comments from the Office on the evaluation", "LIST_ITEM", "21. In relation to recommendation 2, the implications would need to be carefully evaluated before a decision."});
        assertEquals("conclusion", t.get(0).type());
        assertEquals("recommendation", t.get(1).type());
        assertEquals("1", t.get(1).number());
        assertEquals("2", t.get(2).number());
        assertEquals("recommendation", t.get(3).type(), "sub-points belong to the recommendation");
        assertEquals("2", t.get(4).number());
        assertEquals("conclusion", t.get(5).type(), "a new numbered paragraph ends the recommendation");
        assertEquals("management_response", t.get(6).type());
        assertEquals("1", t.get(7).number());
        assertEquals("r.pdf#1", t.get(7).respondsTo());
        assertEquals("agreed", t.get(7).stance());
        assertEquals("r.pdf#2", t.get(8).respondsTo());
        assertEquals("partially_agreed", t.get(8).stance());
        assertEquals(List.of("r.pdf#8"), t.get(2).responses());
    }

    @Test
    void executiveSummaryListsAreTypedByTheirAnnouncementAndSubPointsShareThemes() {
        List<TaggedPassage> t = tag(
                new String[] {"Table of Contents", "PARAGRAPH", "5.2 Recommendations 65"},
                new String[] {"Executive Summary", "PARAGRAPH", "The evaluation took place in 2013. The key findings of the evaluation are listed below:"},
                new String[] {"Executive Summary", "LIST_ITEM", "• Human resource constraints appear as a key reason for the loss of momentum."},
                new String[] {"Executive Summary", "PARAGRAPH", "The following recommendations have come out of the evaluation:"},
                new String[] {"Executive Summary", "LIST_ITEM", "• The ILO should develop a common strategy focused on three areas:"},
                new String[] {"Executive Summary", "LIST_ITEM", "o the protection of the rights of migrant workers;"},
                new String[] {"Executive Summary", "LIST_ITEM", "o recruitment fees charged to workers."},
                new String[] {"Executive Summary", "LIST_ITEM", "• The ILO should develop its website."},
                new String[] {"1. Background", "PARAGRAPH", "The evaluation recommends nothing here, it describes the context."},
                new String[] {"1. Background", "FOOTNOTE", "3 See the Governing Body decision."});
        assertEquals("other", t.get(0).type(), "a table of contents is never typed");
        assertEquals("other", t.get(1).type(), "the method paragraph announcing the list stays other");
        assertEquals("finding", t.get(2).type());
        assertEquals("recommendation", t.get(3).type());
        assertEquals("recommendation", t.get(4).type());
        assertTrue(t.get(4).themes().contains("fair-recruitment"), "a recommendation shares its sub-points' themes: " + t.get(4).themes());
        assertEquals(t.get(4).themes(), t.get(6).themes());
        assertTrue(t.get(7).themes().contains("visibility-communication"));
        assertTrue(!t.get(7).themes().contains("fair-recruitment"), "the next recommendation is a group of its own");
        assertEquals("other", t.get(8).type(), "cues do not type background sections");
        assertEquals("other", t.get(9).type());
    }

    @Test
    void headingsDecideTypesAndCriteria() {
        List<TaggedPassage> t = tag(
                new String[] {"3. Evaluation findings > 3.4 Efficiency", "PARAGRAPH", "The project used its budget well."},
                new String[] {"4. Lessons learned", "PARAGRAPH", "Involving partners early builds ownership."},
                new String[] {"5. Emerging good practices", "PARAGRAPH", "The corridor approach worked."},
                new String[] {"6. Conclusions", "PARAGRAPH", "The ILO work is relevant and sustainable."},
                new String[] {"Case Study 1", "PARAGRAPH", "Strengths and Weaknesses"},
                new String[] {"Case Study 1", "PARAGRAPH", "The main strength of the project is its tripartite design."},
                new String[] {"Case Study 1", "PARAGRAPH", "Overview of the Regional Office"},
                new String[] {"Case Study 1", "PARAGRAPH", "The office opened in 1966."});
        assertEquals("finding", t.get(0).type());
        assertEquals(List.of("efficiency"), t.get(0).criteria());
        assertEquals("lesson_learned", t.get(1).type());
        assertEquals("good_practice", t.get(2).type());
        assertEquals("conclusion", t.get(3).type());
        assertEquals(List.of("relevance", "sustainability"), t.get(3).criteria());
        assertEquals("finding", t.get(5).type(), "a heading-like paragraph opens a typed part");
        assertEquals("other", t.get(7).type(), "and the next heading-like paragraph closes it");
    }

    @Test
    void onlyPassagesThatJudgeGetCriteria() {
        List<TaggedPassage> t = tag(
                new String[] {"2. Methodology", "PARAGRAPH",
                        "The evaluation assessed the relevance, efficiency and sustainability of the ILO's work."},
                new String[] {"3. Evaluation findings > 3.5 Sustainability", "PARAGRAPH",
                        "The results are likely to be sustained where ministries funded the staff."});
        assertEquals("other", t.get(0).type());
        assertEquals(List.of(), t.get(0).criteria(), "naming the criteria is not evidence on them");
        assertEquals("finding", t.get(1).type());
        assertEquals(List.of("sustainability"), t.get(1).criteria());
    }

    @Test
    void placesComeFromTheGazetteerWithTheirRegions() {
        List<TaggedPassage> t = tag(new String[] {"Findings", "PARAGRAPH",
                "Projects in Papua New Guinea, South Africa and Viet Nam, and work in the Arab States and Latin America."});
        assertEquals(List.of("PG", "VN", "ZA"), t.get(0).countries());
        assertEquals(List.of("Africa", "Americas", "Arab States", "Asia and the Pacific"), t.get(0).regions());
    }

    @Test
    void themePhrasesMatchWithTheSearchAnalysis() throws Exception {
        Taxonomy taxonomy = Taxonomy.parse(new StringReader("""
                ## fair-recruitment
                - label: Fair recruitment
                - phrases: "recruitment fee"
                ## internal
                - label: Internal strategy
                - phrases: "MIGRANT"
                - related: "strategy"; "coordination"
                """), "test");
        ThemeMatcher m = new ThemeMatcher(taxonomy);
        assertEquals(List.of("fair-recruitment"), themes(m, "Workers paid Recruitment Fees to agencies."));
        assertEquals(List.of(), themes(m, "Many migrant workers lack a strategy."), "acronyms match in capitals only; one related phrase is not enough");
        assertEquals(List.of("internal"), themes(m, "MIGRANT leads the work."));
        assertEquals(List.of("internal"), themes(m, "Strategy and coordination are weak."));
    }

    private static List<String> themes(ThemeMatcher m, String text) {
        return m.score(text).stream().map(ThemeMatcher.ThemeScore::theme).toList();
    }
}
