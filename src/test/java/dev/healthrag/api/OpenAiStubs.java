package dev.healthrag.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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

    /** A streamed answer (the request asked for "stream": true): one chunk per delta, a finish, usage, [DONE]. */
    public static void streams(WireMock wiremock, List<String> deltas) {
        wiremock.register(streamed().willReturn(eventStream().withBody(stream(deltas, true))));
    }

    /** As {@link #streams}, the bytes dribbled out over {@code millis}, as a slow model writes them. */
    public static void streamsSlowly(WireMock wiremock, List<String> deltas, int chunks, int millis) {
        wiremock.register(streamed().willReturn(eventStream().withBody(stream(deltas, true))
                .withChunkedDribbleDelay(chunks, millis)));
    }

    /** The deltas, then the connection ends in the middle of an event: no finish, no [DONE]. */
    static void streamBreaksOff(WireMock wiremock, List<String> deltas) {
        String broken = stream(deltas, false) + "data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"choi";
        wiremock.register(streamed().willReturn(eventStream().withBody(broken)));
    }

    /** A streamed request that fails with {@code status} before any event. */
    static void streamFails(WireMock wiremock, int status) {
        wiremock.register(streamed().willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")));
    }

    /** A streamed request whose first byte comes after {@code millis}. */
    public static void streamsAfter(WireMock wiremock, int millis, List<String> deltas) {
        wiremock.register(streamed().willReturn(eventStream().withBody(stream(deltas, true)).withFixedDelay(millis)));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder streamed() {
        // Ahead of the blocking stubs, so a test can stub both kinds of call.
        return post(urlEqualTo(COMPLETIONS)).atPriority(1).withRequestBody(matchingJsonPath("$[?(@.stream == true)]"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder eventStream() {
        return aResponse().withHeader("Content-Type", "text/event-stream").withHeader("Cache-Control", "no-cache");
    }

    /** OpenAI's streaming wire format for {@code deltas}; {@code finished} adds the finish, usage and [DONE]. */
    static String stream(List<String> deltas, boolean finished) {
        StringBuilder body = new StringBuilder(chunk("assistant", "", null));
        for (String delta : deltas) {
            body.append(chunk(null, delta, null));
        }
        if (finished) {
            body.append(chunk(null, null, "stop"));
            ObjectNode usage = envelope();
            usage.putArray("choices");
            usage.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
            body.append("data: ").append(usage).append("\n\n");
            body.append("data: [DONE]\n\n");
        }
        return body.toString();
    }

    private static String chunk(String role, String content, String finishReason) {
        ObjectNode root = envelope();
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (role != null) {
            delta.put("role", role);
        }
        if (content != null) {
            delta.put("content", content);
        }
        choice.put("finish_reason", finishReason);
        return "data: " + root + "\n\n";
    }

    private static ObjectNode envelope() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion.chunk").put("created", 1_700_000_000L)
                .put("model", "gpt-4o-mini");
        return root;
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
