package dev.healthrag.answer.verify;

import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.retrieval.Terms;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Supports a sentence by a source that quotes it, or that holds its numbers and most of its content words;
 * tries the sources it cites first, then the others.
 */
@ApplicationScoped
public class SourceOverlapVerifier implements GroundingVerifier {

    private static final double MIN_WORD_SHARE = 0.7;
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

    @Override
    public List<GroundedSentence> verify(List<DraftSentence> draft, List<RetrievedChunk> sources) {
        List<String> normalised = sources.stream().map(source -> normalise(source.text())).toList();
        List<GroundedSentence> verdicts = new ArrayList<>(draft.size());
        for (DraftSentence sentence : draft) {
            verdicts.add(judge(sentence, sources, normalised));
        }
        return verdicts;
    }

    private GroundedSentence judge(DraftSentence sentence, List<RetrievedChunk> sources, List<String> normalised) {
        List<Integer> order = new ArrayList<>();
        sentence.cited().stream().filter(ref -> ref >= 1 && ref <= sources.size()).forEach(order::add);
        for (int ref = 1; ref <= sources.size(); ref++) {
            if (!order.contains(ref)) {
                order.add(ref);
            }
        }
        String text = normalise(sentence.text());
        for (int ref : order) {
            if (normalised.get(ref - 1).contains(text)) {
                return new GroundedSentence(sentence.text(), List.of(ref), true, "quoted", sentence.separator());
            }
        }
        for (int ref : order) {
            String source = normalised.get(ref - 1);
            if (numbersIn(text).stream().allMatch(source::contains) && wordShare(text, source) >= MIN_WORD_SHARE) {
                return new GroundedSentence(sentence.text(), List.of(ref), true, "content words in source",
                        sentence.separator());
            }
        }
        return new GroundedSentence(sentence.text(), List.of(), false, "no source supports it", sentence.separator());
    }

    private static double wordShare(String sentence, String source) {
        Set<String> words = new HashSet<>(Terms.of(sentence));
        if (words.isEmpty()) {
            return 0;
        }
        Set<String> sourceWords = new HashSet<>(Terms.of(source));
        return words.stream().filter(sourceWords::contains).count() / (double) words.size();
    }

    private static List<String> numbersIn(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group());
        }
        return numbers;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("^[-*\u2022]\\s+", "").replaceAll("\\s+", " ").strip();
    }
}
