package dev.healthrag.answer;

import java.util.List;

/**
 * One step of a streamed answer, in the order a stream sends them: {@link Sources} once, {@link Token}s, at most
 * one {@link Failed}, then {@link Done} once. Tokens are the model's raw output; {@link Done} holds the verified
 * answer, which may leave out sentences that were streamed.
 */
public sealed interface AnswerEvent {

    /** The sources the answer may cite, numbered [1]..[n] as the model sees them (empty when there are none). */
    record Sources(List<Citation> sources) implements AnswerEvent {
        public Sources {
            sources = List.copyOf(sources);
        }
    }

    /** A piece of the answer's text as it is produced: a model delta, or a piece of a settled answer's body. */
    record Token(String text) implements AnswerEvent {
    }

    /** The model failed or ran out of time; what follows is the fallback answer. The reason is for the reader. */
    record Failed(String message) implements AnswerEvent {
    }

    /** The final answer, exactly as a blocking call would return it. */
    record Done(Answer answer) implements AnswerEvent {
    }
}
