package dev.healthrag.api.openai;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streamed content deltas: a client that joins them gets exactly the content, cut only after whitespace. */
class DeltasTest {

    @Property
    void givenAnyContent_whenCutIntoDeltas_thenTheyJoinToItExactlyAndEachButTheLastEndsAfterWhitespace(
            @ForAll String content) {
        List<String> deltas = ChatCompletionMapper.deltas(content);

        assertEquals(content, String.join("", deltas));
        for (int i = 0; i < deltas.size(); i++) {
            String delta = deltas.get(i);
            assertFalse(delta.isEmpty());
            if (i < deltas.size() - 1) {
                assertTrue(Character.isWhitespace(delta.charAt(delta.length() - 1)), delta);
            }
        }
    }
}
