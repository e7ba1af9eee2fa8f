package dev.healthrag.retrieval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LexicalQueryTest {

    @Test
    void joinsTheWordsAsAlternatives() {
        assertEquals("why or do or muscles or twitch", LexicalQuery.of("Why do muscles twitch?"));
    }

    @Test
    void tsqueryOperatorsTypedByUsersAreInert() {
        assertEquals("knee or pain or run", LexicalQuery.of("knee:* & !pain | (run) \\ \" '"));
    }

    @Test
    void punctuationOnlyGivesAnEmptyQuery() {
        assertEquals("", LexicalQuery.of("?!... -- ;"));
    }

    @Test
    void keepsOtherScripts() {
        assertEquals("痙攣", LexicalQuery.of("痙攣?"));
    }
}
