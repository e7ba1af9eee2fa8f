package dev.healthrag.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** The OpenAI chat-completions wire format, as the real API (and Ollama, vLLM, llama.cpp) sends it. */
public final class OpenAiStubs {

    public static final String COMPLETIONS = "/v1/chat/completions";

    private OpenAiStubs() {
    }

    public static void answers(WireMock wiremock, String content) {
        wiremock.register(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(completion(content))));
    }

    public static void fails(WireMock wiremock, int status) {
        wiremock.register(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")));
    }

    public static void hangs(WireMock wiremock, int millis, String content) {
        wiremock.register(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse()
                .withFixedDelay(millis)
                .withHeader("Content-Type", "application/json")
                .withBody(completion(content))));
    }

    public static String completion(String content) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("id", "chatcmpl-test");
        root.put("object", "chat.completion");
        root.put("created", 1_700_000_000L);
        root.put("model", "gpt-4o-mini");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return root.toString();
    }
}
