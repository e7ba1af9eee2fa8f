package dev.healthrag.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One line of a conversations file (eval/conversations/*.jsonl): a conversation's turns in order, each with its
 * question, its kind ("first" names a condition, "follow_up" names none and refers to the topic before it,
 * "switch" names a new condition that must not be mixed with the old one) and the articles that answer it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalConversation(String id, List<EvalTurn> turns) {

    public static final Set<String> KINDS = Set.of("first", "follow_up", "switch");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EvalTurn(String question, String kind, Set<String> relevant) {
    }

    public static List<EvalConversation> read(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<EvalConversation> conversations = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            EvalConversation conversation;
            try {
                conversation = mapper.readValue(lines.get(i), EvalConversation.class);
            } catch (IOException e) {
                throw new IOException(file + " line " + (i + 1) + " is not a JSON conversation: " + e.getMessage(), e);
            }
            if (conversation.turns() == null || conversation.turns().isEmpty() || conversation.turns().stream()
                    .anyMatch(t -> t.question() == null || t.relevant() == null || t.relevant().isEmpty()
                            || !KINDS.contains(t.kind()))) {
                throw new IOException(file + " line " + (i + 1) + " needs \"turns\", each with \"question\", a "
                        + "non-empty \"relevant\" and a \"kind\" of " + KINDS);
            }
            conversations.add(conversation);
        }
        return conversations;
    }
}
