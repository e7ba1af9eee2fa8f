package dev.healthrag.answer;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import jakarta.enterprise.context.ApplicationScoped;

/** Asks the OpenAI-compatible model configured under quarkus.langchain4j.openai.*. */
@ApplicationScoped
public class LlmAnswerer {

    private final ChatModel chatModel;

    public LlmAnswerer(ChatModel chatModel) {
        this.chatModel = chatModel;
    }

    /** @throws RuntimeException on any failure or timeout; the caller falls back to extractive answering */
    public String generate(Prompt prompt) {
        String text = chatModel.chat(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("the model returned an empty answer");
        }
        return text;
    }
}
