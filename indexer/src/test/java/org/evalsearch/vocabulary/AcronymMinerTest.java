package org.evalsearch.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AcronymMinerTest {

    @Test
    void findsDefinitionsInRunningTextBySchwartzHearst() {
        List<Acronym> found = AcronymMiner.mine("2. Background",
                "It is guided by the ILO Multilateral Framework on Labour Migration (MFLM) and courses of the "
                        + "International Training Centre of the ILO (ITC-ILO) in Turin.");
        assertTrue(found.contains(new Acronym("MFLM", "Multilateral Framework on Labour Migration")), found::toString);
        assertTrue(found.contains(new Acronym("ITC-ILO", "International Training Centre of the ILO")), found::toString);
    }

    @Test
    void ignoresParenthesesThatAreNotAcronymDefinitions() {
        assertEquals(List.of(), AcronymMiner.mine("Findings",
                "The survey (see below) was carried out in 2013 (Annex 2) with the social partners (DG)."));
    }

    @Test
    void readsEntriesOfAnAcronymListEvenWhenTheyDoNotSpellTheShortForm() {
        List<Acronym> found = AcronymMiner.mine("List of acronyms",
                "ACTRAV Bureau for Workers’ Activities\nMIGRANT International Migration Programme");
        assertEquals(List.of(new Acronym("ACTRAV", "Bureau for Workers’ Activities"),
                new Acronym("MIGRANT", "International Migration Programme")), found);
    }

    @Test
    void splitsAnAcronymListFlattenedIntoOneLine() {
        List<Acronym> found = AcronymMiner.mine("Abbreviations",
                "DWCP Decent Work Country Programme GMS Greater Mekong Subregion ILO International Labour Organization");
        assertEquals(3, found.size(), found::toString);
        assertEquals(new Acronym("GMS", "Greater Mekong Subregion"), found.get(1));
    }

    @Test
    void acronymsExpandWhenTypedInCapitalsOrWhenTheyCannotBeAWord() {
        Acronyms a = Acronyms.of(List.of(new Acronym("MFLM", "Multilateral Framework on Labour Migration"),
                new Acronym("FAIR", "Integrated Programme on Fair Recruitment"),
                new Acronym("STAT", "Statistics")));
        assertEquals("acr_fair fair recruitment", a.markCapitalised("FAIR fair recruitment"));
        String rules = a.synonymRules();
        assertTrue(rules.contains("acr_fair => fair, integrated programme on fair recruitment\n"), rules);
        assertTrue(rules.contains("integrated programme on fair recruitment => integrated programme on fair recruitment, fair\n"), rules);
        assertTrue(!rules.contains("\nfair =>") && !rules.startsWith("fair =>"), rules);
        assertTrue(rules.contains("\nmflm => mflm, multilateral framework on labour migration\n"), rules);
        // a one-word long form is too common a word to stand for the acronym
        assertTrue(!rules.contains("statistics =>"), rules);
    }

    @Test
    void aShortFormRightAfterAnotherBelongsToItsLongForm() {
        List<Acronym> found = AcronymMiner.mine("Abbreviations",
                "ACT/EMP ILO Bureau for Employers' Activities ACTRAV ILO Bureau for Workers' Activities ► Executive summary");
        assertEquals(List.of(new Acronym("ACT/EMP", "ILO Bureau for Employers' Activities"),
                new Acronym("ACTRAV", "ILO Bureau for Workers' Activities")), found);
    }

    /** The letters checked before the list-section expression runs never make it miss a path it matches. */
    @Test
    void listSectionCheckAgreesWithTheExpression() {
        List<String> pieces = List.of("Acronyms", "ACRONYM", "abbreviation", "Abréviations", "sigLAS", "Sigles",
                "acrónimos", "Initialisms", "abreviaturas", "\u017Figles", "\u0130nitialism", "\u0131nitialisms",
                "Annex", " ", "-", "and", "1.", "List of ", "s", "ab", "acr", "x", "\u212A", "/", "é");
        Random random = new Random(44);
        int listSections = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder section = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int k = 0; k < n; k++) {
                section.append(pieces.get(random.nextInt(pieces.size())));
            }
            String s = section.toString();
            boolean expected = AcronymMiner.LIST_SECTION.matcher(s).find();
            listSections += expected ? 1 : 0;
            assertEquals(expected, AcronymMiner.isListSection(s), () -> "[" + s + "]");
        }
        assertTrue(listSections > 5_000, "the random paths should include many list sections: " + listSections);
    }
}
