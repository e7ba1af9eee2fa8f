package dev.healthrag.api;

import dev.healthrag.answer.Answer;
import dev.healthrag.answer.AnswerTrace;
import dev.healthrag.answer.Citation;
import dev.healthrag.answer.StageTimings;
import dev.healthrag.answer.TokenCount;
import dev.healthrag.answer.render.PlainTextRenderer;
import dev.healthrag.answer.triage.TriageDecision;
import dev.healthrag.answer.verify.GroundedSentence;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/** Maps a domain {@link Answer} to the JSON channel's {@link ChatResponse}. */
@ApplicationScoped
public class ChatResponseMapper {

    private final PlainTextRenderer renderer;

    public ChatResponseMapper(PlainTextRenderer renderer) {
        this.renderer = renderer;
    }

    public ChatResponse toResponse(Answer answer, String conversationId, boolean debug) {
        TriageDecision triage = answer.triage();
        AnswerTrace trace = answer.trace();
        return new ChatResponse(renderer.render(answer), answer.body(),
                answer.citations().stream().map(ChatResponseMapper::citation).toList(),
                answer.grounding().stream().map(sentence -> sentence(sentence, debug)).toList(),
                answer.emergencyNotice(), answer.disclaimer(), conversationId, answer.mode().wireName(),
                answer.emergency(), triage != null && triage.emergency() ? triage.category().id() : null,
                debug ? ranked(trace) : null,
                debug && trace.prompt() != null
                        ? new ChatResponse.PromptView(trace.prompt().system(), trace.prompt().user()) : null,
                debug ? debug(answer) : null);
    }

    static ChatResponse.CitationView citation(Citation c) {
        return new ChatResponse.CitationView(c.ref(), c.articleId(), c.title(), c.url(), c.section(), c.snippet(),
                c.score());
    }

    private static ChatResponse.SentenceView sentence(GroundedSentence s, boolean debug) {
        return new ChatResponse.SentenceView(s.supported() || debug ? s.text() : null, s.refs(), s.supported(),
                s.reason());
    }

    private static ChatResponse.DebugView debug(Answer answer) {
        TriageDecision triage = answer.triage();
        AnswerTrace trace = answer.trace();
        StageTimings t = trace.timings();
        TokenCount tokens = trace.tokens();
        return new ChatResponse.DebugView(trace.query(), trace.alternativeQuery(), triage != null && triage.emergency(),
                triage != null && triage.category() != null ? triage.category().id() : null,
                triage == null ? 0 : triage.score(), triage == null ? null : triage.reason(), trace.modelOutput(),
                trace.fallbackReason(),
                new ChatResponse.TimingsView(millis(t.triage()), millis(t.embed()), millis(t.search()),
                        millis(t.generate()), millis(t.verify())),
                trace.prompt() == null ? null : List.of(
                        new ChatResponse.MessageView("system", trace.prompt().system()),
                        new ChatResponse.MessageView("user", trace.prompt().user())),
                tokens == null ? null
                        : new ChatResponse.TokensView(tokens.prompt(), tokens.completion(), tokens.total()));
    }

    private static Double millis(Duration took) {
        return took == null ? null : Math.round(took.toNanos() / 1e4) / 100.0;
    }

    private static List<SearchResult> ranked(AnswerTrace trace) {
        return IntStream.range(0, trace.retrieved().size())
                .mapToObj(i -> SearchResult.of(i + 1, trace.retrieved().get(i))).toList();
    }
}
