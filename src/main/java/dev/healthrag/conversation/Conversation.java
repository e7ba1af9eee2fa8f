package dev.healthrag.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation as stored: its id, when its first and latest turns were recorded, and its turns in order. */
public record Conversation(UUID id, Instant createdAt, Instant updatedAt, List<Turn> turns) {

    public Conversation {
        turns = List.copyOf(turns);
    }
}
