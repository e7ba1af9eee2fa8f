package dev.healthrag.answer;

import java.util.List;

/**
 * One earlier turn of the conversation a message belongs to, in the form every channel can give: the user's
 * question, the query retrieval ran for it (null when none ran, as for an emergency), the answer's text and the
 * titles of the articles it cited, in citation order. A channel with server-side memory reads these from the
 * store; one whose client sends the history (OpenAI-style messages) builds them from the messages.
 */
public record PriorTurn(String question, String query, String answer, List<String> citedTitles) {

    public PriorTurn {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("a prior turn needs its question");
        }
        answer = answer == null ? "" : answer;
        citedTitles = citedTitles == null ? List.of() : List.copyOf(citedTitles);
    }
}
