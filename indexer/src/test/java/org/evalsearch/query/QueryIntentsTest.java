package org.evalsearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryIntentsTest {
    private final QueryIntents intents = QueryIntents.defaults();

    @Test
    void typeWordsBecomeAPreferenceAndLeaveTheTopic() {
        for (String q : new String[] {"recommendations on statistics", "what was recommended about statistics",
                "Statistics recommendations"}) {
            QueryIntents.Intent i = intents.detect(q);
            assertEquals("statistics", i.topic().toLowerCase(), q);
            assertEquals(Map.of("type", "recommendation"), i.preferred(), q);
        }
        assertEquals(Map.of("type", "lesson_learned"), intents.detect("lessons learnt on policy implementation").preferred());
        assertEquals("policy implementation", intents.detect("lessons learnt on policy implementation").topic());
        assertEquals(Map.of("type", "good_practice"), intents.detect("good practices in social dialogue").preferred());
    }

    @Test
    void criterionWordsArePreferredAndKept() {
        QueryIntents.Intent i = intents.detect("fair recruitment sustainability");
        assertEquals("fair recruitment sustainability", i.topic());
        assertEquals(Map.of("criterion", "sustainability"), i.preferred());
    }

    @Test
    void queriesInLuceneSyntaxAreTakenLiterally() {
        QueryIntents.Intent i = intents.detect("\"recommendations on statistics\"");
        assertEquals(Map.of(), i.preferred());
        assertEquals(Map.of(), intents.detect("type:recommendation AND statistics").preferred());
        assertEquals(Map.of(), intents.detect("labour migration statistics").preferred());
    }
}
