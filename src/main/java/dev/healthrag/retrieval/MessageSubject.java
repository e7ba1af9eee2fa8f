package dev.healthrag.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * The subject line of a message written like a letter to a health service: the text before the first ". ",
 * when it is short and the message goes on after it ("achalasia. after surgery, will the spasms ..."). It is most
 * often the condition the message is about, so retrieval searches it on its own as well. A subject that names
 * several conditions ("spina bifida; tethered cord") is cut into one part per condition, so each is searched.
 */
public final class MessageSubject {

    /** Longer than this, the text before the first ". " is a sentence of the message, not its subject. */
    static final int MAX_WORDS = 8;
    private static final int MAX_PARTS = 4;

    private MessageSubject() {
    }

    /** The subject's parts, each to search on its own; empty when the message has no subject line. */
    public static List<String> parts(String message) {
        String text = message.strip();
        int end = text.indexOf(". ");
        if (end <= 0 || text.substring(end + 2).isBlank()) {
            return List.of();
        }
        String subject = text.substring(0, end).strip();
        if (subject.isEmpty() || QueryAnalyzer.words(subject).isEmpty() || subject.split("\\s+").length > MAX_WORDS) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : subject.split("\\s*[;,/]\\s*|\\s+and\\s+|\\s*&\\s*")) {
            if (!QueryAnalyzer.words(part).isEmpty() && parts.size() < MAX_PARTS) {
                parts.add(part.strip());
            }
        }
        return parts.isEmpty() ? List.of(subject) : List.copyOf(parts);
    }
}
