package dev.healthrag.answer.render;

import dev.healthrag.answer.Answer;

/**
 * Assembles an answer's parts into the text one channel shows. Every implementation ends its output with the
 * disclaimer, verbatim: the disclaimer is a part of its own so that no channel can lose it by taking the body.
 */
public interface AnswerRenderer {

    String render(Answer answer);
}
