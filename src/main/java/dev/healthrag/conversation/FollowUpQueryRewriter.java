package dev.healthrag.conversation;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.AnswerRequest;
import dev.healthrag.answer.QueryRewriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A single message is its own query (retrieval's query analysis already reads misspellings and lay words). A
 * follow-up is condensed with its history into a standalone query: by the LLM when one is configured
 * ({@link LlmQueryCondenser}), falling back to the deterministic {@link TopicCarryOver} when the model fails,
 * and by that rule alone without an LLM.
 */
@ApplicationScoped
public class FollowUpQueryRewriter implements QueryRewriter {

    private static final Logger LOG = Logger.getLogger(FollowUpQueryRewriter.class);

    private final LlmQueryCondenser condenser;
    private final TopicCarryOver rule;
    private final boolean llmConfigured;

    public FollowUpQueryRewriter(LlmQueryCondenser condenser, TopicCarryOver rule, HealthRagConfig config) {
        this.condenser = condenser;
        this.rule = rule;
        this.llmConfigured = config.llm().isConfigured();
    }

    @Override
    public String rewrite(AnswerRequest request) {
        if (!request.isFollowUp()) {
            return request.question();
        }
        if (llmConfigured) {
            try {
                return condenser.condense(request.question(), request.history().turns());
            } catch (RuntimeException e) {
                LOG.warnf("The LLM could not rewrite the follow-up (%s); using the topic rule", e.getMessage());
            }
        }
        return rule.rewrite(request.question(), request.history().turns());
    }
}
