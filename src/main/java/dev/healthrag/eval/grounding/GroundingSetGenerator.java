package dev.healthrag.eval.grounding;

import dev.healthrag.ingest.Article;
import dev.healthrag.ingest.ArticleParser;
import dev.healthrag.ingest.InvalidArticleException;
import dev.healthrag.ingest.Section;
import dev.healthrag.text.Sentences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds labelled (source, claim) pairs from MedQuAD articles in the manner of FactCC: a source is a window of
 * two to four sentences of one section, as a chunk would hold it; its claims are one of its sentences as is,
 * lightly edited (supported) or changed in meaning (unsupported), a sentence of an article on another topic,
 * and a templated invention about the article's condition. The same articles and seed give the same set.
 */
public final class GroundingSetGenerator {

    private static final int MIN_WORDS = 7;
    private static final int MAX_WORDS = 45;
    private static final List<String> INVENTIONS = List.of(
            "%s is caused by a virus.", "%s can be cured with vitamin C.", "%s only affects people over 80.",
            "Drinking two glasses of milk a day prevents %s.", "%s spreads by shaking hands.",
            "Most people with %s recover within three days without treatment.",
            "Antibiotics are the first treatment for %s.", "%s is caused by eating too much sugar.");
    // Page furniture repeated across hundreds of articles, and flattened tables: not claims anyone would make.
    private static final Pattern BOILERPLATE = Pattern.compile("Human Phenotype Ontology|MedlinePlus|click here|"
            + "table below|[^.]* - [^.]* - |https?://|www\\.|Read more", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_CUT = Pattern.compile("\\s+-\\s+|\\s*[(;:,]");

    private final ArticleParser parser = new ArticleParser();

    /** The articles of {@code dir} with their sections, sorted by file name; unreadable files are skipped. */
    public List<Article> articles(Path dir) throws IOException {
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                try {
                    articles.add(parser.parse(file, file.getFileName().toString().replace(".md", "")));
                } catch (InvalidArticleException e) {
                    // An article without text gives no source; nothing to label.
                }
            }
        }
        return articles;
    }

    public List<LabelledSource> generate(List<Article> articles, int sources, long seed) {
        Random random = new Random(seed);
        List<Article> shuffled = new ArrayList<>(articles);
        Collections.shuffle(shuffled, random);
        List<LabelledSource> out = new ArrayList<>();
        for (Article article : shuffled) {
            if (out.size() >= sources) {
                break;
            }
            window(article, random).ifPresent(window -> {
                Article other = otherTopic(article, articles, random);
                List<LabelledClaim> claims = claims(article, window, other, articles, random);
                if (claims.size() >= 4) {
                    out.add(new LabelledSource(String.format(Locale.ROOT, "g%04d", out.size() + 1), article.id(),
                            article.title(), window.heading(), String.join(" ", window.sentences()),
                            split(article.id()), claims));
                }
            });
        }
        return out;
    }

    /** Calibration or test by the article's id, so no article is in both halves. */
    static String split(String articleId) {
        return Math.floorMod(articleId.hashCode(), 2) == 0 ? LabelledSource.CALIBRATION : LabelledSource.TEST;
    }

    private record Window(String heading, List<String> sentences) {
    }

    /** Two to four consecutive prose sentences of one section, preferring a window that names the condition. */
    private Optional<Window> window(Article article, Random random) {
        List<Window> windows = new ArrayList<>();
        for (Section section : article.sections()) {
            for (String paragraph : section.text().split("\\n\\s*\\n")) {
                if (paragraph.strip().startsWith("-") || paragraph.contains("\n-")) {
                    continue;
                }
                List<String> sentences = Sentences.split(paragraph.replace('\n', ' ')).stream()
                        .filter(GroundingSetGenerator::usable).toList();
                for (int start = 0; start + 2 <= sentences.size(); start += 4) {
                    int size = Math.min(sentences.size() - start, 2 + random.nextInt(3));
                    windows.add(new Window(section.heading(), sentences.subList(start, start + size)));
                }
            }
        }
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        String name = name(article).toLowerCase(Locale.ROOT);
        List<Window> naming = windows.stream()
                .filter(w -> String.join(" ", w.sentences()).toLowerCase(Locale.ROOT).contains(name)).toList();
        List<Window> pool = !naming.isEmpty() && random.nextInt(3) > 0 ? naming : windows;
        return Optional.of(pool.get(random.nextInt(pool.size())));
    }

    private List<LabelledClaim> claims(Article article, Window window, Article other, List<Article> articles,
                                       Random random) {
        List<String> sentences = new ArrayList<>(window.sentences());
        List<LabelledClaim> claims = new ArrayList<>();
        String verbatim = sentences.get(random.nextInt(sentences.size()));
        claims.add(supported(verbatim, "verbatim"));
        first(sentences, random, ClaimEdits::dropClause).ifPresent(edit -> {
            boolean qualifierGone = ClaimEdits.QUALIFIER.matcher(ClaimEdits.dropped(edit.source(), edit.claim())).find();
            claims.add(qualifierGone ? unsupported(edit.claim(), "qualifier_dropped")
                    : supported(edit.claim(), "clause_dropped"));
        });
        first(sentences, random, ClaimEdits::reorder).ifPresent(e -> claims.add(supported(e.claim(), "reordered")));
        first(sentences, random, ClaimEdits::paraphrase).ifPresent(e -> claims.add(supported(e.claim(), "paraphrased")));
        first(sentences, random, s -> ClaimEdits.changeNumber(s, random))
                .ifPresent(e -> claims.add(unsupported(e.claim(), "number_changed")));
        first(sentences, random, ClaimEdits::flipNegation)
                .ifPresent(e -> claims.add(unsupported(e.claim(), "negation_flipped")));
        first(sentences, random, s -> swapName(s, article, other))
                .ifPresent(e -> claims.add(unsupported(e.claim(), "entity_swapped")));
        Optional<Edit> swapped = first(sentences, random, s -> ClaimEdits.swapQualifier(s, random));
        swapped.ifPresent(e -> claims.add(unsupported(e.claim(), "qualifier_swapped")));
        if (swapped.isEmpty() || random.nextBoolean()) {
            first(sentences, random, s -> ClaimEdits.inventQualifier(s, random))
                    .ifPresent(e -> claims.add(unsupported(e.claim(), "qualifier_invented")));
        }
        otherSentence(other, random).filter(s -> !String.join(" ", sentences).contains(s))
                .ifPresent(s -> claims.add(unsupported(s, "other_article")));
        sentenceOutside(article, window, random).ifPresent(s -> claims.add(unsupported(s, "same_article")));
        String name = name(article);
        if (!name.isEmpty()) {
            String template = INVENTIONS.get(random.nextInt(INVENTIONS.size()));
            claims.add(unsupported(ClaimEdits.capitalise(String.format(Locale.ROOT, template, name)), "invented"));
        }
        return claims;
    }

    private record Edit(String source, String claim) {
    }

    /** The edit applied to the window's sentences in a random order, the first that applies. */
    private static Optional<Edit> first(List<String> sentences, Random random,
                                        java.util.function.Function<String, Optional<String>> edit) {
        List<String> order = new ArrayList<>(sentences);
        Collections.shuffle(order, random);
        for (String sentence : order) {
            Optional<String> claim = edit.apply(sentence).filter(c -> !c.equals(sentence));
            if (claim.isPresent()) {
                return Optional.of(new Edit(sentence, claim.get()));
            }
        }
        return Optional.empty();
    }

    /** The article's condition, where the sentence names it, replaced by another article's. */
    private static Optional<String> swapName(String sentence, Article article, Article other) {
        String name = name(article);
        String otherName = name(other);
        if (name.length() < 3 || otherName.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = Pattern.compile("\\b" + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE).matcher(sentence);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String replacement = matcher.start() == 0 ? ClaimEdits.capitalise(otherName) : otherName;
        return Optional.of(sentence.substring(0, matcher.start()) + replacement + sentence.substring(matcher.end()));
    }

    /**
     * A sentence of another section of the same article: same topic and words, but not in this source, as when
     * a model adds what it knows about the condition to what the chunk says.
     */
    private static Optional<String> sentenceOutside(Article article, Window window, Random random) {
        String text = String.join(" ", window.sentences());
        List<String> outside = new ArrayList<>();
        for (Section section : article.sections()) {
            if (!section.heading().equals(window.heading())) {
                for (String line : section.text().split("\n")) {
                    if (!line.strip().startsWith("-")) {
                        Sentences.split(line).stream().filter(s -> usable(s) && !text.contains(s)).forEach(outside::add);
                    }
                }
            }
        }
        return outside.isEmpty() ? Optional.empty() : Optional.of(outside.get(random.nextInt(outside.size())));
    }

    private static Optional<String> otherSentence(Article other, Random random) {
        List<String> sentences = new ArrayList<>();
        for (Section section : other.sections()) {
            for (String line : section.text().split("\\n")) {
                if (!line.strip().startsWith("-")) {
                    Sentences.split(line).stream().filter(GroundingSetGenerator::usable).forEach(sentences::add);
                }
            }
        }
        return sentences.isEmpty() ? Optional.empty() : Optional.of(sentences.get(random.nextInt(sentences.size())));
    }

    private static boolean usable(String sentence) {
        int words = ClaimEdits.words(sentence);
        return sentence.endsWith(".") && words >= MIN_WORDS && words <= MAX_WORDS
                && !BOILERPLATE.matcher(sentence).find();
    }

    /** An article on another topic: no word of its name in this one's title. */
    private static Article otherTopic(Article article, List<Article> articles, Random random) {
        Set<String> words = titleWords(article);
        for (int attempt = 0; attempt < 50; attempt++) {
            Article other = articles.get(random.nextInt(articles.size()));
            if (!other.id().equals(article.id()) && Collections.disjoint(words, titleWords(other))
                    && !name(other).isEmpty()) {
                return other;
            }
        }
        return articles.get((articles.indexOf(article) + 1) % articles.size());
    }

    private static Set<String> titleWords(Article article) {
        Set<String> words = new HashSet<>();
        for (String word : article.title().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.length() > 3) {
                words.add(word);
            }
        }
        return words;
    }

    /** The condition an article is about, as sentences name it: its title up to a dash, bracket or comma. */
    static String name(Article article) {
        String title = article.title();
        Matcher cut = NAME_CUT.matcher(title);
        String name = (cut.find() ? title.substring(0, cut.start()) : title).strip();
        if (name.equals(name.toUpperCase(Locale.ROOT)) || name.split("\\s+").length > 5) {
            return name.split("\\s+").length > 5 ? "" : name;
        }
        return name.equals(ClaimEdits.capitalise(name.toLowerCase(Locale.ROOT))) ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static LabelledClaim supported(String text, String type) {
        return new LabelledClaim(text, LabelledClaim.SUPPORTED, type);
    }

    private static LabelledClaim unsupported(String text, String type) {
        return new LabelledClaim(text, LabelledClaim.UNSUPPORTED, type);
    }
}
