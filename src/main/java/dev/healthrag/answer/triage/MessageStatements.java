package dev.healthrag.answer.triage;

import dev.healthrag.text.Sentences;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The statements of a long message that triage also reads one by one. People write backstory and an ordinary
 * question around an emergency happening now ("I wanted to ask about his medicine. Right now he's having a seizure
 * that won't stop."); embedded whole, such a message sits as near the ordinary questions as the emergencies.
 * Questions are left out: what a message asks is the ordinary part, what it reports is where an emergency shows.
 */
final class MessageStatements {

    /** Fewer words than this carry too little for an embedding of their own ("Thanks.", "Help me."). */
    private static final int MIN_WORDS = 4;

    /** Carries on into the present: "two days ago ... and since then", "still bleeding", "keeps getting worse". */
    private static final Pattern ONGOING = Pattern.compile("\\b(since|still|keeps?|won'?t stop|getting worse)\\b",
            Pattern.CASE_INSENSITIVE);

    private MessageStatements() {
    }

    /**
     * Whether a statement tells of something over ("last summer he collapsed and came round"): set in the past or
     * resolved by its own words, with nothing that carries it on into now. Read alone it looks like the emergency
     * it once was; the message as a whole still counts it.
     */
    static boolean isNarrative(String statement) {
        Set<FramingCue> cues = FramingCue.in(statement);
        return (cues.contains(FramingCue.PAST) || cues.contains(FramingCue.RESOLVED))
                && !ONGOING.matcher(statement).find();
    }

    /**
     * The statements of a message triage reads: its sentences' ({@link #of}), or, for a message of one sentence written
     * as a run-on ("man just collapsed in the gym and isnt breathing, someone is yelling for the defibrillator what do
     * i do"), its comma-separated clauses of at least {@value #MIN_WORDS} words, as panicked messages are typed. The
     * exemplars are split by sentence only: their clauses alone, as informational exemplars, would sit near every
     * emergency's.
     */
    static List<String> ofMessage(String message) {
        List<String> sentences = Sentences.splitMessage(message);
        return sentences.size() < 2 ? statements(List.of(message.strip().split(",\\s+"))) : statements(sentences);
    }

    /** The message's statements of at least {@value #MIN_WORDS} words, in order; empty when it has one sentence. */
    static List<String> of(String message) {
        return statements(Sentences.splitMessage(message));
    }

    private static List<String> statements(List<String> sentences) {
        if (sentences.size() < 2) {
            return List.of();
        }
        List<String> statements = new ArrayList<>();
        for (String sentence : sentences) {
            if (!sentence.endsWith("?") && sentence.split("\\s+").length >= MIN_WORDS) {
                statements.add(sentence);
            }
        }
        return statements;
    }
}
