package dev.healthrag.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Content words of a text, lower-cased and lightly stemmed, for term-overlap scoring. */
public final class Terms {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
            "because", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "for",
            "from", "get", "got", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i",
            "if", "in", "into", "is", "it", "its", "just", "know", "me", "might", "more", "most", "my", "no", "not",
            "of", "on", "or", "other", "our", "out", "please", "should", "so", "some", "such", "than", "that",
            "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "up", "very",
            "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would",
            "you", "your", "s", "t", "im", "ive", "dont", "doesnt", "cant", "really", "thing", "things", "lot",
            "tell", "want", "need", "way", "much", "many", "it's", "i'm",
            // The chatter of users' messages: rare in articles, so without this list their rarity would make
            // "mom" or "yesterday" the heaviest words of a question.
            "mom", "mum", "dad", "mother", "father", "son", "daughter", "husband", "wife", "boyfriend", "girlfriend",
            "friend", "friends", "grandma", "grandpa", "grandmother", "grandfather", "brother", "sister", "guy",
            "came", "come", "comes", "went", "go", "goes", "going", "gone", "sent", "home", "always", "never",
            "last", "week", "weeks", "month", "months", "year", "years", "today", "yesterday", "tomorrow", "lately",
            "recently", "since", "ago", "now", "still", "keep", "keeps", "kept", "stuff", "like", "think", "thought",
            "said", "says", "told", "asked", "ask", "knew", "sure", "maybe", "guess", "worried", "worry", "scared",
            "anything", "something", "nothing", "everything", "okay", "ok", "pretty", "super", "kind", "sort", "bit",
            "little", "lots", "gets", "getting", "make", "makes", "made", "take", "takes", "took", "put", "wants",
            "needs", "try", "tried", "trying", "hi", "hello", "thanks", "thank", "question", "wondering", "wonder",
            "ever", "every", "even", "yes", "yeah", "actually", "basically", "literally", "anyone", "someone",
            "wanted", "started", "start", "starts", "wont", "isnt", "didnt", "havent", "wasnt", "couldnt", "whats",
            "wouldnt", "shouldnt", "arent", "werent", "hasnt", "hadnt", "aint", "ve", "ll", "re",
            "hes", "shes", "theyre", "youre", "gonna", "wanna", "kinda", "though", "anyway", "well", "right", "left");

    private Terms() {
    }

    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group();
            if (!STOP_WORDS.contains(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    public static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** A deliberately light suffix strip: enough to match "cramps"/"cramping"/"cramp". */
    static String stem(String word) {
        if (word.length() <= 4) {
            return word;
        }
        for (String suffix : new String[] {"ing", "ed", "es", "s", "ly"}) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 4) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}
