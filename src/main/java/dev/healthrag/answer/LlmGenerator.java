package dev.healthrag.answer;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import jakarta.enterprise.context.ApplicationScoped;

/** Asks the OpenAI-compatible model configured under quarkus.langchain4j.openai.* for a draft answer. */
@ApplicationScoped
public class LlmGenerator {

    private final ChatModel chatModel;

    public LlmGenerator(ChatModel chatModel) {
        this.chatModel = chatModel;
    }

    /** @throws RuntimeException on any failure, timeout or empty reply; the pipeline then answers extractively */
    public String generate(Prompt prompt) {
        String text = chatModel.chat(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("the model returned an empty answer");
        }
        return text;
    }
}
