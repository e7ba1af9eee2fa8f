package dev.healthrag.answer.triage;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a message is framed, apart from what it is about: the exemplar similarities say which symptoms a message
 * resembles, these say whether it describes something happening now or asks about it. Each cue is a yes/no
 * feature of {@link TriageModel}; its weight is learnt from the exemplars, never set by hand.
 */
public enum FramingCue {

    /**
     * Happening now, sudden, getting worse, lasting since minutes or hours ago, or a plea: "just collapsed", "won't
     * stop", "been going for half an hour", "what do I do".
     */
    URGENT("\\b(right now|now|suddenly|sudden|all of a sudden|out of nowhere|please help|help (me|us)|asap|hurry"
            + "|(\\d+|a|one|few|a few|couple of|a couple of) (min|mins|minutes?|seconds?) ago"
            + "|(been going|going on|lasted) (for )?(half an hour|an hour|\\d+ (mins?|minutes|hours?))"
            + "|(hasn'?t|has not|won'?t|will not) (eased|ease|settled|settle|gone away|go away|let up)"
            + "|just (\\w+ed|took|ate|drank|swallowed|fell|hit|got|went|started|stopped|collapsed|passed|woke)"
            + "|won'?t (stop|wake|rouse|respond|come round)|can'?t (stop|wake|rouse|breathe|feel|move|see|talk|speak|stand)"
            + "|worst .{0,20}(ever|of (my|his|her) life)|getting worse|what (now|do i do|should i do)(?! if)"
            + "|should (i|we) (wait|let|just)|sleep it off|is this (a|an))\\b|help\\s*!*\\s*$"),
    /**
     * Opens as a general question ("what is", "how do", "can you", "who is at risk", "is X inherited"): asking about
     * a topic, not reporting. The reference-question forms count too ("what research is being done for", "what to
     * do for"), as a health library's users ask them. "When" and "where" ask only before a verb ("when should",
     * "where is"): "When I got here she wouldn't wake" opens a report.
     */
    QUESTION("^\\W*(?!what'?s the point|what is the point)(what('?s| is| are| does| do| causes| happens| research"
            + "| to do for)|whats|how|can(?!'?t)|could|is (it|a|an|there)|are (there|they)|does|do (i|you)|why|which"
            + "|(when|where) (?=(is|are|do|does|did|should|can|could|will|would|to|exactly)\\b)"
            + "|who (is|are|gets|can)|should (i|my|we)|difference"
            + "|is [\\w'-]+( [\\w'(),/.-]+){0,8} (inherited|hereditary|genetic|contagious|curable|preventable|treatable))\\b"),
    /** Planning for a case that has not happened: "what should I do if", "if my kid ever". */
    HYPOTHETICAL("\\b(if (my|someone|a|they|he|she|you|i)\\b.{0,40}\\bever|what (should|do) (i|we|you) do if"
            + "|if someone|in case|ever (has|have|gets|swallows|does)|before the baby|want to learn"
            + "|how do you tell)\\b"),
    /**
     * Over, by the speaker's account: "was fine after", "better now", "went away", "stopped after 5 minutes",
     * "calmed down after an hour", "she's back at work", "it got better", "the throwing up is over" (a patient who
     * "insists she's fine" is not the speaker's account, and "won't go away" is the opposite; "was fine this
     * morning but" or "was fine until" tells when it began).
     */
    RESOLVED("\\b(was fine(?![^.,;!?]*\\b(but|until|till|then)\\b)"
            + "|(?<!insists )(?<!says )(?<!thinks )(i'?m|i am|he'?s|she'?s|feel|feels|felt|been)"
            + " (totally |completely )?(fine|ok|okay|normal|better)|fine now|better now|gone now|back to normal"
            + "|(?<!won't )(?<!wont )(?<!not )(went|goes|go) away|comes? (right )?back|stopped bleeding"
            + "|playing normally|(doc|doctor|gp|poison control) (checked|said)|recovering|doing (much )?better"
            + "|(?<!n't )(?<!not )(stopped|cleared( up)?|calmed down|settled( down)?|eased( off)?|wore off)"
            + " (after|within|once|by itself|on its own)"
            + "|(i'?m|he'?s|she'?s|they'?re|i am|he is|she is|they are) back (at|to) (work|school|home)"
            + "|(?<!n't )(?<!not )(?<!never )got better|(is|was) (all )?over(?=\\s*($|[,.;!?]|now\\b|and\\b|but\\b)))\\b"),
    /** Set in the past: "last year", "two weeks ago", "used to", "as a kid", "when my son was 2". */
    PAST("\\b(last (week|weekend|month|year|winter|summer|spring|autumn|fall|christmas)"
            + "|(\\d+|a|one|two|three|four|five|few|couple of|many|several) (days?|weeks?|months?|years?|yrs|summers?|winters?)"
            + " ago|years ago|back in|in (19|20)\\d\\d|used to|yesterday|as a (kid|child|baby|teen)|for years"
            + "|when (i|he|she|we|they|my \\w+) (was|were) (\\d+|a (kid|child|baby|toddler|teen)|little|young|small))\\b"),
    /**
     * Played down: "mild", "slightly", "a bit sore", "a little dizzy". Only about how something feels: "a bit of
     * steak", "tiny magnets" or "drank a bit" measure a quantity, which says nothing about severity.
     */
    MILD("\\b(mild(ly)?|slight(ly)?|(a (tiny |little )?bit|a little) (sore|achy|stiff|tight|tender|swollen|red|itchy"
            + "|dizzy|light-?headed|nauseous|queasy|sick|off|tired|weak|shaky|numb|tingly|uncomfortable|painful"
            + "|worried|concerned|anxious|nervous|sensitive|bruised))\\b"),
    /**
     * Figures of speech and second senses: "this traffic is killing me", "my phone battery died", "a killer spin
     * class", "wanted to die of embarrassment". Laughter ("lol") is not one: people in real trouble play it down
     * that way, and it changes nothing about what they describe.
     */
    IDIOM("\\b(killing (me|it)|kill for|dying (to|in|of laughter)|died laughing|could die|rather die"
            + "|blind as a bat|banging my head|gave me a heart attack|giving me a heart attack"
            + "|nearly had a heart attack|heart bleeds|took my breath away|battery (died|is dead)"
            + "|(phone|laptop|computer|engine) (died|is dead|froze|is unresponsive|seized)"
            + "|(project|exam|traffic|meeting|boss|job|work) is (killing|giving|going to kill)"
            + "|die of (embarrassment|shame|boredom)|killer (\\w+ )?(workout|class|session|run|ride|hike|game))\\b"),
    /**
     * Comes back or has gone on for long: "every few weeks", "whenever I climb stairs", "lately", "for months",
     * "since he was a kid", "attacks of". An emergency is one episode happening now; a pattern over weeks is a
     * question for a doctor, even when one statement of it, read alone, sounds like an emergency.
     */
    RECURRING("\\b(every (day|night|morning|evening|week|month|few (days|weeks|months))|whenever|each time (i|he|she)"
            + "|lately|these days|on and off|comes and goes|come and go|keeps? (coming back|happening)"
            + "|for (the (last|past) )?(a few|several|many|\\d+|two|three|four|five|six) (weeks|months|years)"
            + "|for (weeks|months)|since (he|she|i|they) (was|were) (a )?(kid|child|baby|teen|teenager|little|young)|since childhood"
            + "|attacks of|episodes of|flare-?ups?)\\b");

    private final Pattern pattern;

    FramingCue(String regex) {
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The cues {@code message} shows; typographic apostrophes count as plain ones. */
    public static Set<FramingCue> in(String message) {
        String text = message.replace('\u2019', '\'');
        Set<FramingCue> found = EnumSet.noneOf(FramingCue.class);
        for (FramingCue cue : values()) {
            if (cue.pattern.matcher(text).find()) {
                found.add(cue);
            }
        }
        return found;
    }

    /** The id used in reasons: "urgent". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
