package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.quarkiverse.langchain4j.ModelBuilderCustomizer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The OpenAI client itself neither retries nor times out before the deadline: {@link LlmGuard} does both, so
 * there is one place for each (healthrag.llm.*). The client's read timeout is the deadline, a backstop for a
 * connection nobody waits on any more.
 */
@ApplicationScoped
public class ModelClientCustomizer implements ModelBuilderCustomizer<OpenAiChatModel.OpenAiChatModelBuilder> {

    private final HealthRagConfig.Llm config;

    public ModelClientCustomizer(HealthRagConfig config) {
        this.config = config.llm();
    }

    @Override
    public void customize(OpenAiChatModel.OpenAiChatModelBuilder builder) {
        builder.maxRetries(0).timeout(config.deadline());
    }
}
