package dev.healthrag.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListItemsTest {

    @Test
    void givenEachMarkerAListMayUse_whenRead_thenTheLineIsAnItemAndItsTextIsWhatFollows() {
        for (String line : List.of("- rest the joint", "* rest the joint", "\u2022 rest the joint", "1. rest the joint",
                "12) rest the joint", "  - rest the joint")) {
            assertTrue(ListItems.isItem(line), line);
            assertEquals("rest the joint", ListItems.withoutMarker(line), line);
        }
    }

    @Test
    void givenSentencesThatOpenWithASignOrANumber_whenRead_thenTheyAreNotItems() {
        for (String line : List.of("-5 °C is cold enough to freeze skin.", "1.5 mg twice a day.", "2019 saw fewer cases.",
                "Rest the joint.", "--- ")) {
            assertFalse(ListItems.isItem(line), line);
            assertEquals(line, ListItems.withoutMarker(line), line);
        }
    }
}
