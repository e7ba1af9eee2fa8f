package dev.healthrag.answer.verify;

import java.util.List;

/** Embeds texts as passages, in one batch; {@link dev.healthrag.embedding.Embedder#embedPassages} in the service. */
@FunctionalInterface
public interface PassageEmbedder {

    List<float[]> embed(List<String> passages);
}
