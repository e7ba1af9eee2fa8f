package dev.healthrag.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healthrag.store.Database;
import dev.healthrag.store.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations and their turns in PostgreSQL (migration V9). Nothing is held in memory, so any number of
 * instances share them: a conversation begun on one continues on any other. Always on the primary, never the
 * read replica, because a follow-up must see the turn its instance or another one has just written.
 */
@ApplicationScoped
public class ConversationStore {

    private static final TypeReference<List<CitedSource>> CITATIONS = new TypeReference<>() {
    };

    // The upsert takes the conversation's row lock until commit, so two appends to one conversation at once
    // number their turns one after the other.
    private static final String TOUCH = """
            INSERT INTO conversations (id, created_at, updated_at) VALUES (?, now(), now())
            ON CONFLICT (id) DO UPDATE SET updated_at = now()""";
    private static final String APPEND = """
            INSERT INTO conversation_turns (conversation_id, turn, question, rewritten_query, answer_body, citations,
                                            mode)
            SELECT ?, coalesce(max(turn), 0) + 1, ?, ?, ?, ?::jsonb, ? FROM conversation_turns WHERE conversation_id = ?
            RETURNING turn""";
    private static final String TURN_COLUMNS = "turn, question, rewritten_query, answer_body, citations::text, mode, "
            + "created_at";

    private final Database database;
    private final SchemaMigrator migrator;
    private final ObjectMapper json = new ObjectMapper();

    public ConversationStore(Database database, SchemaMigrator migrator) {
        this.database = database;
        this.migrator = migrator;
    }

    /**
     * Appends a turn, creating the conversation if this is its first: an id the store has never seen starts a
     * new conversation under that id. All of it lands or none of it does.
     *
     * @return the turn's number in its conversation
     */
    public int append(UUID conversationId, NewTurn turn) {
        migrator.ensureMigrated();
        String citations = toJson(turn.citations());
        return database.inTransaction(connection -> {
            try (PreparedStatement touch = connection.prepareStatement(TOUCH)) {
                touch.setObject(1, conversationId);
                touch.executeUpdate();
            }
            try (PreparedStatement append = connection.prepareStatement(APPEND)) {
                append.setObject(1, conversationId);
                append.setString(2, turn.question());
                append.setString(3, turn.rewrittenQuery());
                append.setString(4, turn.answerBody());
                append.setString(5, citations);
                append.setString(6, turn.mode());
                append.setObject(7, conversationId);
                try (ResultSet rows = append.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /** The latest {@code max} turns of a conversation, oldest first; empty for an id never seen (or purged). */
    public List<Turn> latestTurns(UUID conversationId, int max) {
        migrator.ensureMigrated();
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + TURN_COLUMNS
                    + " FROM conversation_turns WHERE conversation_id = ? ORDER BY turn DESC LIMIT ?")) {
                statement.setObject(1, conversationId);
                statement.setInt(2, Math.max(0, max));
                List<Turn> turns = turns(statement);
                Collections.reverse(turns);
                return turns;
            }
        });
    }

    /** The whole conversation, or empty when the id has none (never seen, or purged). */
    public Optional<Conversation> find(UUID conversationId) {
        migrator.ensureMigrated();
        return database.read(connection -> {
            Instant created;
            Instant updated;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT created_at, updated_at FROM conversations WHERE id = ?")) {
                statement.setObject(1, conversationId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    created = rows.getTimestamp(1).toInstant();
                    updated = rows.getTimestamp(2).toInstant();
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + TURN_COLUMNS
                    + " FROM conversation_turns WHERE conversation_id = ? ORDER BY turn")) {
                statement.setObject(1, conversationId);
                return Optional.of(new Conversation(conversationId, created, updated, turns(statement)));
            }
        });
    }

    /**
     * Deletes every turn recorded before {@code cutoff}, and every conversation left without turns, in one
     * transaction. Newer turns stay, even in a conversation that also had older ones.
     */
    public Purged purgeBefore(Instant cutoff) {
        migrator.ensureMigrated();
        return database.inTransaction(connection -> {
            int turns;
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM conversation_turns WHERE created_at < ?")) {
                statement.setTimestamp(1, Timestamp.from(cutoff));
                turns = statement.executeUpdate();
            }
            // Only a conversation untouched since the cutoff: an append that commits while this runs has bumped
            // updated_at, so the re-checked row no longer qualifies and its new turn is not cascaded away.
            int conversations;
            try (PreparedStatement statement = connection.prepareStatement("""
                    DELETE FROM conversations c WHERE c.updated_at < ?
                    AND NOT EXISTS (SELECT 1 FROM conversation_turns t WHERE t.conversation_id = c.id)""")) {
                statement.setTimestamp(1, Timestamp.from(cutoff));
                conversations = statement.executeUpdate();
            }
            return new Purged(turns, conversations);
        });
    }

    /** What a purge deleted. */
    public record Purged(int turns, int conversations) {
    }

    /** A turn to append; its number and time are the store's. */
    public record NewTurn(String question, String rewrittenQuery, String answerBody, List<CitedSource> citations,
                          String mode) {

        public NewTurn {
            citations = List.copyOf(citations);
        }
    }

    private List<Turn> turns(PreparedStatement statement) throws SQLException {
        List<Turn> turns = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                turns.add(new Turn(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        fromJson(rows.getString(5)), rows.getString(6), rows.getTimestamp(7).toInstant()));
            }
        }
        return turns;
    }

    private String toJson(List<CitedSource> citations) {
        try {
            return json.writeValueAsString(citations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("citations cannot be written as JSON", e);
        }
    }

    private List<CitedSource> fromJson(String text) {
        try {
            return json.readValue(text, CITATIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored citations are not valid JSON: " + e.getMessage(), e);
        }
    }
}
