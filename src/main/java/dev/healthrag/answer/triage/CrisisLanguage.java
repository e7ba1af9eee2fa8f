package dev.healthrag.answer.triage;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * First-person statements of intent to die or to self-harm ("I want to kill myself", "better off without me",
 * "kms"), and asking for the means ("how many would it take to not wake up", "the most painless way to go").
 * They make a message a suicide emergency whatever its nearest exemplars say, unless the speaker sets them
 * in the past or in a hypothetical: a missed crisis costs far more than a crisis line shown to someone who did not
 * need it, and crisis wording is short, varied and often slang, where a small embedding model is weakest.
 */
final class CrisisLanguage {

    private static final Pattern INTENT = Pattern.compile("\\b(kms|kill(ing)? my ?self|end(ing)? (my life|it all)"
            + "|(want|wanna|going|gonna|ready) to die|don'?t want to (live|be alive|be here|wake up)"
            + "|(sleep|go to sleep) and (never|not) wake up|(i'?m|i am|feeling|feel) suicidal|unalive (my ?self|me)"
            + "|better off (dead|without me)|(suicide|goodbye) (note|letter)s?|(cut|cutting|hurt|hurting|harm|harming)"
            + " my ?self|take my (own )?life|no reason to (live|go on)"
            + "|(how many|how much)\\b.{0,40}\\b(would|will|does|do) it take to (just )?(die|kill me|end it|(not|never) wake up)"
            + "|painless(est)? way to (die|go(?! (to|about|on|off|through|back|out|for|into|in|up|down)\\b))"
            + "|(painless|easiest|quickest|fastest|surest) way to (die|end it|end my life|kill my ?self))\\b");

    /**
     * "Feels like she's going to die": the dread of an attack or a reaction as the speaker tells it, not an intent;
     * removed before {@link #INTENT} is read so that the rest of the message decides.
     */
    private static final Pattern DREAD = Pattern.compile("(feel|feels|felt|feeling) like (i'?m|i am|she'?s|she is"
            + "|he'?s|he is|they'?re|they are|we'?re|we are) (going|gonna) to die");

    private CrisisLanguage() {
    }

    /** Whether {@code message} states a present intent to die or self-harm, given its framing cues. */
    static boolean statesIntent(String message, Set<FramingCue> cues) {
        if (cues.contains(FramingCue.PAST) || cues.contains(FramingCue.RESOLVED)
                || cues.contains(FramingCue.HYPOTHETICAL)) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return INTENT.matcher(DREAD.matcher(text).replaceAll(" ")).find();
    }
}
