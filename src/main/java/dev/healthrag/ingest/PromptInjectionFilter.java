package dev.healthrag.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds text in scraped articles that speaks to an AI instead of to a reader, so that it never
 * reaches a prompt or a quoted answer. A page that says "ignore previous instructions" is not
 * wrong about health, it is attacking whatever model later reads it.
 * <p>
 * The rules look for the shape of an address to a model, never for single words: health text
 * is full of "instructions" (genes provide instructions, follow your doctor's instructions),
 * "system" (the immune system) and "assistant" (a physician assistant), and all of it must stay.
 * Each rule therefore needs two parts that only occur together when a model is addressed: an
 * override verb with what it overrides, "you are" with a model's name, a role label at the very
 * start of a sentence, a chat-template token, or "the user" as the one to keep something from.
 * <p>
 * Text is expected collapsed ({@link Text#collapse}), so zero-width characters slipped between
 * letters to dodge these rules are already gone. Stateless and thread-safe.
 */
final class PromptInjectionFilter {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Pattern> RULES = List.of(
            // Overriding what came before is the core move of an injection. "Do not ignore prior
            // instructions from your doctor" is advice, hence the negation guard.
            rule("(?<!\\bnot\\s)(?<!n't\\s)(?<!never\\s)\\b(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+)?"
                    + "(?:of\\s+)?(?:the\\s+|your\\s+|my\\s+|these\\s+)?(?:previous|prior|above|earlier|preceding"
                    + "|foregoing|original)\\s+(?:instructions?|prompts?|directions|directives|rules|messages|context"
                    + "|commands)\\b"),
            // "Disregard the above" as a command of its own; "disregard the above advice if you are
            // pregnant" goes on with what to disregard and is left alone.
            rule("^\\W*(?:please\\s+)?(?:ignore|disregard|forget)\\s+(?:all\\s+(?:of\\s+)?|everything\\s+)?(?:the\\s+)?"
                    + "above(?:\\s+(?:text|prompt|instructions|context))?\\s*(?:$|[.!,;:]|and\\b)"),
            // Telling the model who it is.
            rule("\\byou\\s+are\\s+(?:now\\s+)?(?:chatgpt|gpt-?\\d|claude|gemini|copilot"
                    + "|an?\\s+(?:ai|artificial\\s+intelligence|large\\s+language\\s+model|language\\s+model|llm"
                    + "|chatbot))\\b"),
            // A model's own voice, pasted into a page or used to set up a role-play.
            rule("\\bas\\s+an?\\s+(?:ai|artificial\\s+intelligence)(?:\\s+(?:language\\s+)?model|\\s+assistant"
                    + "|\\s+chatbot|\\s*,)|\\bas\\s+a\\s+(?:large\\s+)?language\\s+model\\b"),
            // Chat-template tokens and prompt labels mean something only to a model.
            rule("<\\|[a-z_]{2,30}\\|>|\\[/?INST]|<</?SYS>>"),
            rule("\\bsystem\\s+prompt\\s*:"),
            rule("\\b(?:reveal|repeat|print|show|output|leak|disclose)\\s+(?:your|the)\\s+(?:system\\s+prompt"
                    + "|(?:initial|original|hidden|secret)\\s+instructions)\\b"),
            // A role label only at the start of a sentence: "Physician assistant: a licensed..." stays.
            rule("^\\W*(?:system|assistant)\\s*:"),
            rule("^\\W*(?:(?:important|urgent|updated|here\\s+are(?:\\s+your)?)\\s+)?new\\s+instructions\\s*:"),
            // Addressing the model by what it is.
            rule("\\b(?:note|message|instructions?|attention)\\s+(?:to|for)\\s+(?:the\\s+|any\\s+|all\\s+)?"
                    + "(?:ai|llm|chatbot|language\\s+model|ai\\s+(?:assistant|model))s?\\s*[:,]"),
            rule("\\b(?:ai|llm|language\\s+model|chatbot)s?\\s+(?:models?\\s+|assistants?\\s+|agents?\\s+)?"
                    + "(?:reading|processing|summari[sz]ing|parsing|crawling|scraping)\\s+(?:this|these)\\b"),
            // Keeping something from the reader: health text says "the patient" or "you", not "the user".
            rule("\\b(?:do\\s+not|don'?t|never)\\s+(?:tell|inform|reveal\\s+(?:this\\s+|it\\s+)?to"
                    + "|mention\\s+(?:this\\s+|it\\s+)?to|show\\s+(?:this\\s+|it\\s+)?to|let)\\s+the\\s+user\\b"),
            rule("\\bwithout\\s+(?:telling|informing|alerting)\\s+the\\s+user\\b"),
            // Dictating the output, as a command: "some tumors respond only temporarily" stays.
            rule("(?:^|[,;:]\\s*)\\W*(?:please\\s+)?(?:respond|reply)\\s+only\\s+(?:with|in|using)\\b"));

    /** A paragraph with the sentences that address an AI taken out, and how many there were. */
    record Filtered(String text, int dropped) {
    }

    private PromptInjectionFilter() {
    }

    private static Pattern rule(String regex) {
        return Pattern.compile(regex, FLAGS);
    }

    /** True when any part of the text addresses an AI; used for whole list lines, headings and comments. */
    static boolean addressesAnAi(String text) {
        String t = normalise(text);
        if (t.isEmpty()) {
            return false;
        }
        for (String sentence : SentenceSplitter.sentences(t)) {
            for (Pattern rule : RULES) {
                if (rule.matcher(sentence).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Drops each sentence of a collapsed paragraph that addresses an AI and keeps the others.
     * When nothing is dropped the very same string comes back, so clean articles keep their content hash.
     * A missed sentence boundary (the next sentence starts lower-case) drops both: more, never less.
     */
    static Filtered paragraph(String text) {
        if (!addressesAnAi(text)) {
            return new Filtered(text, 0);
        }
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        for (String sentence : SentenceSplitter.sentences(text)) {
            if (addressesAnAi(sentence)) {
                dropped++;
            } else {
                kept.add(sentence);
            }
        }
        return new Filtered(String.join(" ", kept), dropped);
    }

    /** Curly apostrophes so "don’t" matches like "don't". */
    private static String normalise(String text) {
        return text == null ? "" : text.replace('\u2019', '\'').strip();
    }
}
