package dev.healthrag.api.openai;

import java.util.List;

/**
 * What a validated chat-completions request asks: the last user message (the question), the conversation before
 * it as {@link PriorTurn}s, whether the client wants the usage chunk at the end of a stream, and the characters
 * of all messages (for the usage estimate).
 */
public record CompletionQuestion(String question, List<PriorTurn> priorTurns, boolean includeUsage,
                                 int promptCharacters) {

    public CompletionQuestion {
        priorTurns = List.copyOf(priorTurns);
    }
}
