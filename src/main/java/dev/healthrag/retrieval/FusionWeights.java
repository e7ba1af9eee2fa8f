package dev.healthrag.retrieval;

import dev.healthrag.HealthRagConfig;

/**
 * How much each ranked list counts in the reciprocal rank fusion, checked once at startup: a weight is 0 (the list
 * is not searched or not counted) or more. A negative weight would turn a search's best hits into its worst, and
 * NaN would make every fused score NaN; either is a typo in configuration, so it is refused with the key to fix.
 *
 * @param dense   {@code healthrag.retrieval.dense-weight}: the dense search
 * @param lexical {@code healthrag.retrieval.lexical-weight}: the weighted full-text search
 * @param name    {@code healthrag.retrieval.name-weight}: articles called by a phrase of the question
 * @param subject {@code healthrag.retrieval.subject-weight}: a message's subject line searched apart (0: not)
 * @param article {@code healthrag.retrieval.article-weight}: the leading articles ranked as whole articles (0: not)
 */
public record FusionWeights(double dense, double lexical, double name, double subject, double article) {

    public FusionWeights {
        require("dense-weight", dense);
        require("lexical-weight", lexical);
        require("name-weight", name);
        require("subject-weight", subject);
        require("article-weight", article);
    }

    /** @throws IllegalArgumentException naming the first key whose weight is negative, NaN or infinite */
    public static FusionWeights of(HealthRagConfig.Retrieval config) {
        return new FusionWeights(config.denseWeight(), config.lexicalWeight(), config.nameWeight(),
                config.subjectWeight(), config.articleWeight());
    }

    private static void require(String key, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("healthrag.retrieval." + key + " must be a number of 0 or more (0 turns "
                    + "that ranked list off), not " + weight);
        }
    }
}
