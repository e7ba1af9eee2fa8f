package dev.healthrag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.healthrag.ingest.SentenceSplitter.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void treatsListLinesAsUnitsWithTheirSeparators() {
        String text = "Signs include: rash. Fever.\n\n- Itching. Worse at night.\n- Dry skin\n\nSee a doctor.";

        List<Unit> units = SentenceSplitter.units(text);

        assertEquals(List.of("Signs include: rash.", "Fever.", "- Itching. Worse at night.", "- Dry skin", "See a doctor."),
                units.stream().map(Unit::text).toList());
        assertEquals(List.of("\n\n", " ", "\n\n", "\n", "\n\n"), units.stream().map(Unit::separator).toList());
    }
}
