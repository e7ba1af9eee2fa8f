package dev.healthrag.ingest;

import dev.healthrag.text.Sentences;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private static final String[] OVERRIDE_VERBS = {"ignor", "disregard", "forget", "overrid"};
    private static final String[] MODEL_WORDS = {" ai ", " ais ", "llm", "chatbot", "language model"};

    private static final List<Rule> RULES = List.of(
            // Overriding what came before is the core move of an injection. "Do not ignore prior
            // instructions from your doctor" is advice, hence the negation guard.
            rule("(?<!\\bnot\\s)(?<!n't\\s)(?<!never\\s)\\b(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+)?"
                    + "(?:of\\s+)?(?:the\\s+|your\\s+|my\\s+|these\\s+)?(?:previous|prior|above|earlier|preceding"
                    + "|foregoing|original)\\s+(?:instructions?|prompts?|directions|directives|rules|messages|context"
                    + "|commands)\\b", OVERRIDE_VERBS,
                    words("previous", "prior", "above", "earlier", "preceding", "foregoing", "original")),
            // "Disregard the above" as a command of its own; "disregard the above advice if you are
            // pregnant" goes on with what to disregard and is left alone.
            rule("^\\W*(?:please\\s+)?(?:ignore|disregard|forget)\\s+(?:all\\s+(?:of\\s+)?|everything\\s+)?(?:the\\s+)?"
                    + "above(?:\\s+(?:text|prompt|instructions|context))?\\s*(?:$|[.!,;:]|and\\b)", words("above"),
                    OVERRIDE_VERBS),
            // Telling the model who it is.
            rule("\\byou\\s+are\\s+(?:now\\s+)?(?:chatgpt|gpt-?\\d|claude|gemini|copilot"
                    + "|an?\\s+(?:ai|artificial\\s+intelligence|large\\s+language\\s+model|language\\s+model|llm"
                    + "|chatbot))\\b",
                    words(" ai ", "artificial", "language model", "llm", "chatbot", "gpt", "claude", "gemini", "copilot"),
                    words("you are")),
            // A model's own voice, pasted into a page or used to set up a role-play.
            rule("\\bas\\s+an?\\s+(?:ai|artificial\\s+intelligence)(?:\\s+(?:language\\s+)?model|\\s+assistant"
                    + "|\\s+chatbot|\\s*,)|\\bas\\s+a\\s+(?:large\\s+)?language\\s+model\\b",
                    words(" ai ", "artificial", "language model"), words("as a")),
            // Chat-template tokens and prompt labels mean something only to a model.
            rule("<\\|[a-z_]{2,30}\\|>|\\[/?INST]|<</?SYS>>", words("<|", "inst]", "sys>>")),
            rule("\\bsystem\\s+prompt\\s*:", words("system prompt")),
            rule("\\b(?:reveal|repeat|print|show|output|leak|disclose)\\s+(?:your|the)\\s+(?:system\\s+prompt"
                    + "|(?:initial|original|hidden|secret)\\s+instructions)\\b",
                    words("system prompt", "initial instructions", "original instructions", "hidden instructions",
                            "secret instructions")),
            // A role label only at the start of a sentence: "Physician assistant: a licensed..." stays.
            rule("^\\W*(?:system|assistant)\\s*:", words("system", "assistant")),
            rule("^\\W*(?:(?:important|urgent|updated|here\\s+are(?:\\s+your)?)\\s+)?new\\s+instructions\\s*:",
                    words("new instructions")),
            // Addressing the model by what it is.
            rule("\\b(?:note|message|instructions?|attention)\\s+(?:to|for)\\s+(?:the\\s+|any\\s+|all\\s+)?"
                    + "(?:ai|llm|chatbot|language\\s+model|ai\\s+(?:assistant|model))s?\\s*[:,]", MODEL_WORDS),
            rule("\\b(?:ai|llm|language\\s+model|chatbot)s?\\s+(?:models?\\s+|assistants?\\s+|agents?\\s+)?"
                    + "(?:reading|processing|summari[sz]ing|parsing|crawling|scraping)\\s+(?:this|these)\\b", MODEL_WORDS),
            // Keeping something from the reader: health text says "the patient" or "you", not "the user".
            rule("\\b(?:do\\s+not|don'?t|never)\\s+(?:tell|inform|reveal\\s+(?:this\\s+|it\\s+)?to"
                    + "|mention\\s+(?:this\\s+|it\\s+)?to|show\\s+(?:this\\s+|it\\s+)?to|let)\\s+the\\s+user\\b",
                    words("the user")),
            rule("\\bwithout\\s+(?:telling|informing|alerting)\\s+the\\s+user\\b", words("the user")),
            // Dictating the output, as a command: "some tumors respond only temporarily" stays.
            rule("(?:^|[,;:]\\s*)\\W*(?:please\\s+)?(?:respond|reply)\\s+only\\s+(?:with|in|using)\\b",
                    words("respond only", "reply only")));

    /**
     * One rule: a regex, and the words it cannot match without (each group needs one of its words in the
     * lower-cased text). The words are checked first because they are cheap and nearly every health
     * sentence lacks them, which keeps the regexes off the hot path of ingest.
     */
    private record Rule(Pattern pattern, String[][] required) {

        boolean mayMatch(String lower) {
            for (String[] anyOf : required) {
                boolean found = false;
                for (String word : anyOf) {
                    if (lower.contains(word)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A paragraph with the sentences that address an AI taken out, and how many there were. */
    record Filtered(String text, int dropped) {
    }

    private PromptInjectionFilter() {
    }

    private static Rule rule(String regex, String[]... required) {
        return new Rule(Pattern.compile(regex, FLAGS), required);
    }

    private static String[] words(String... words) {
        return words;
    }

    /** True when any part of the text addresses an AI; used for whole list lines, headings and comments. */
    static boolean addressesAnAi(String text) {
        String t = normalise(text);
        if (t.isEmpty()) {
            return false;
        }
        List<Rule> candidates = candidates(t, RULES);
        if (candidates.isEmpty()) {
            return false;
        }
        for (String sentence : Sentences.split(t)) {
            for (Rule rule : candidates(sentence, candidates)) {
                if (rule.pattern().matcher(sentence).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The rules whose required words all occur in the text. */
    private static List<Rule> candidates(String text, List<Rule> rules) {
        String lower = guardText(text);
        List<Rule> out = new ArrayList<>(2);
        for (Rule rule : rules) {
            if (rule.mayMatch(lower)) {
                out.add(rule);
            }
        }
        return out;
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
        for (String sentence : Sentences.split(text)) {
            if (addressesAnAi(sentence)) {
                dropped++;
            } else {
                kept.add(sentence);
            }
        }
        return new Filtered(String.join(" ", kept), dropped);
    }

    /**
     * Lower case with other punctuation turned into spaces and a space at either end, so that " ai " finds
     * the word in "(AI)" and at the very start or end, not inside "said" or "aids". The characters that
     * required words contain are kept: {@code <|>[]'/}.
     */
    private static String guardText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append(' ');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isLetterOrDigit(c) || "<|>[]'/".indexOf(c) >= 0 ? Character.toLowerCase(c) : ' ');
        }
        return out.append(' ').toString();
    }

    /** Collapsed (callers usually pass collapsed text already), with curly apostrophes so "don’t" matches. */
    private static String normalise(String text) {
        return Text.collapse(text).replace('\u2019', '\'');
    }
}
