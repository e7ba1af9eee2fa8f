package dev.healthrag.conversation;

import dev.healthrag.answer.PriorTurn;
import dev.healthrag.retrieval.ConditionNames;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The deterministic follow-up rule, used without an LLM (and when the model fails): a follow-up that names no
 * condition ("and how long does it last?") is about the previous turn's topic, so that topic is put in front of
 * it: the title of the article the previous answer cited first, or, when that answer cited nothing, the key
 * terms of the previous query. A message that names a condition of its own (an article's title or "also
 * called", as retrieval's name search reads it) is a new topic and is left as it is.
 */
@ApplicationScoped
public class TopicCarryOver {

    /** Key terms carried from a previous query that had no cited article. */
    private static final int KEY_TERMS = 4;
    /** Where a title's own subject ends: "Shin Splints: Causes, Treatment and ..." is about shin splints. */
    private static final Pattern SUBTITLE = Pattern.compile("\\s*:.*$");

    private final ConditionNames conditions;

    public TopicCarryOver(ConditionNames conditions) {
        this.conditions = conditions;
    }

    /** @return the standalone query: the question with the previous topic in front, or the question itself */
    public String rewrite(String question, List<PriorTurn> history) {
        if (history.isEmpty() || !conditions.named(question).isEmpty()) {
            return question;
        }
        return topic(history).map(topic -> topic + ": " + question).orElse(question);
    }

    /** The latest turn's topic: its first cited title, else its query's key terms; older turns if it has neither. */
    Optional<String> topic(List<PriorTurn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            PriorTurn turn = history.get(i);
            Optional<String> title = turn.citedTitles().stream().filter(t -> t != null && !t.isBlank()).findFirst()
                    .map(TopicCarryOver::subject);
            if (title.isPresent()) {
                return title;
            }
            String query = turn.query() != null ? turn.query() : turn.question();
            List<String> terms = conditions.keyTerms(query, KEY_TERMS);
            if (!terms.isEmpty()) {
                return Optional.of(String.join(" ", terms));
            }
        }
        return Optional.empty();
    }

    static String subject(String title) {
        String subject = SUBTITLE.matcher(title.strip()).replaceFirst("").strip();
        return subject.isEmpty() ? title.strip() : subject;
    }
}
