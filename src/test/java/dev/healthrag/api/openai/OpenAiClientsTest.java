package dev.healthrag.api.openai;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.healthrag.TestArticles;
import dev.healthrag.api.OpenAiStubs;
import dev.healthrag.ingest.Ingestor;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /v1 through OpenAI clients that nobody here wrote: LangChain4j's OpenAiChatModel and OpenAiStreamingChatModel,
 * and the official openai-java SDK, each pointed at this service's /v1 (the test port). The service's own model
 * is WireMock at its own port ({@link OpenAiStubs}); the two OpenAI APIs never meet.
 */
@QuarkusTest
@ConnectWireMock
class OpenAiClientsTest {

    WireMock wiremock;

    @Inject
    Ingestor ingestor;

    @TestHTTPResource("/v1")
    URL service;

    @ConfigProperty(name = "healthrag.disclaimer")
    String disclaimer;

    /** The clients wait as long as RestAssured does: a first chat after a profile's start waits for triage. */
    @ConfigProperty(name = "quarkus.http.test-timeout")
    Duration clientTimeout;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexedAndTheServicesModelAnswers() {
        TestArticles.ingest(ingestor);
        wiremock.resetToDefaultMappings();
        wiremock.resetRequests();
        OpenAiStubs.answers(wiremock, ChatCompletionResourceTest.SUPPORTED + " " + ChatCompletionResourceTest.UNSUPPORTED);
        // A streamed chat completion streams from the service's model too (and sends only the verified answer).
        OpenAiStubs.streams(wiremock, List.of(ChatCompletionResourceTest.SUPPORTED + " ",
                ChatCompletionResourceTest.UNSUPPORTED));
    }

    @Test
    void givenLangChain4jsOpenAiChatModel_whenItAsks_thenItsParsedReplyHasTheMarkersSourcesAndDisclaimer() {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(service.toString()).apiKey("sk-ignored")
                .modelName("healthrag").timeout(clientTimeout).maxRetries(0).build();

        String reply = model.chat(ChatCompletionResourceTest.TWITCH_QUESTION);

        assertVerifiedContent(reply);
    }

    @Test
    void givenLangChain4jsOpenAiStreamingChatModel_whenItAsks_thenTheStreamedTextIsTheVerifiedAnswer() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(service.toString())
                .apiKey("sk-ignored").modelName("healthrag").timeout(clientTimeout).build();
        StringBuilder partials = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat(ChatCompletionResourceTest.TWITCH_QUESTION, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(clientTimeout.toSeconds(), TimeUnit.SECONDS);

        assertVerifiedContent(partials.toString());
        assertEquals(partials.toString(), response.aiMessage().text());
    }

    @Test
    void givenTheOfficialOpenAiJavaSdk_whenItAsksWithAndWithoutStreaming_thenBothRepliesAreTheVerifiedAnswer() {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(service.toString()).apiKey("sk-ignored")
                .maxRetries(0).build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("healthrag")
                .addSystemMessage("Answer briefly.").addUserMessage(ChatCompletionResourceTest.TWITCH_QUESTION).build();

        ChatCompletion completion = client.chat().completions().create(params);
        StringBuilder streamed = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> chunk.choices()
                    .forEach(choice -> choice.delta().content().ifPresent(streamed::append)));
        }

        String content = completion.choices().get(0).message().content().orElseThrow();
        assertVerifiedContent(content);
        assertEquals(content, streamed.toString());
        JsonValue citations = completion._additionalProperties().get("citations");
        List<?> parsed = citations.convert(List.class);
        assertEquals(1, ((Map<?, ?>) parsed.get(0)).get("number"));
        assertEquals("llm", completion._additionalProperties().get("mode").convert(String.class));
        assertEquals(List.of("healthrag"), client.models().list().data().stream().map(m -> m.id()).toList());
        assertThrows(NotFoundException.class, () -> client.chat().completions().create(
                params.toBuilder().model("gpt-4o").build()), "an unknown model is a 404 the SDK recognises");
    }

    private void assertVerifiedContent(String content) {
        assertTrue(content.startsWith("Most episodes settle by themselves within hours [1]."), content);
        assertFalse(content.contains("parasite"), content);
        assertTrue(content.contains("\n\nSources:\n- [1] "), content);
        assertTrue(content.endsWith("\n\n" + disclaimer), content);
    }
}
