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
 * @param question {@code healthrag.retrieval.question-weight}: each question of a message asking several (0: not)
 * @param article {@code healthrag.retrieval.article-weight}: the leading articles ranked as whole articles (0: not)
 * @param alternative {@code healthrag.llm.search-query.weight}: each search of the model's search query (0: none)
 */
public record FusionWeights(double dense, double lexical, double name, double subject, double question,
                            double article, double alternative) {

    public FusionWeights {
        require("healthrag.retrieval.dense-weight", dense);
        require("healthrag.retrieval.lexical-weight", lexical);
        require("healthrag.retrieval.name-weight", name);
        require("healthrag.retrieval.subject-weight", subject);
        require("healthrag.retrieval.question-weight", question);
        require("healthrag.retrieval.article-weight", article);
        require("healthrag.llm.search-query.weight", alternative);
    }

    /** @throws IllegalArgumentException naming the first key whose weight is negative, NaN or infinite */
    public static FusionWeights of(HealthRagConfig config) {
        HealthRagConfig.Retrieval retrieval = config.retrieval();
        return new FusionWeights(retrieval.denseWeight(), retrieval.lexicalWeight(), retrieval.nameWeight(),
                retrieval.subjectWeight(), retrieval.questionWeight(), retrieval.articleWeight(),
                config.llm().searchQuery().weight());
    }

    private static void require(String key, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(key + " must be a number of 0 or more (0 turns that ranked list off), not "
                    + weight);
        }
    }
}
