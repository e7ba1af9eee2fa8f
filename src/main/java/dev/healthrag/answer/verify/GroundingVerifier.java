package dev.healthrag.answer.verify;

import dev.healthrag.retrieval.RetrievedChunk;

import java.util.List;

/**
 * Checks every sentence of a draft against the sources: a sentence is kept only when a source supports it, and
 * then cites the sources that do (re-cited when it named the wrong one or none).
 */
public interface GroundingVerifier {

    /**
     * @param draft   the draft's sentences, citing sources by number: n means {@code sources.get(n - 1)}
     * @param sources the sources as numbered in the prompt
     * @return one verdict per draft sentence, in order, refs numbered like {@code draft}
     */
    List<GroundedSentence> verify(List<DraftSentence> draft, List<RetrievedChunk> sources);
}
