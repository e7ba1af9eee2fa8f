package dev.healthrag.retrieval;

import dev.healthrag.store.Lexicon;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The corpus words, held in memory for spelling correction and reloaded when the lexicon's version moves on
 * (an ingest in this process or any other). Each question already reads the version with its word counts, so
 * a question asked after an ingest has committed sees the new words. While a bulk ingest commits article
 * after article, questions reload it often; that costs tens of milliseconds per reload at MedQuAD's 26,000 words.
 */
@ApplicationScoped
public class CorpusVocabulary {

    private final Lexicon lexicon;
    private volatile Loaded loaded;

    public CorpusVocabulary(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    private record Loaded(long version, TrigramIndex index) {
    }

    /** The {@code limit} corpus words nearest to {@code word} by trigrams, in the vocabulary of {@code version}. */
    List<Lexicon.Entry> nearest(String word, int limit, long version) {
        return current(version).nearest(word, limit);
    }

    private TrigramIndex current(long version) {
        Loaded now = loaded;
        if (now == null || now.version() != version) {
            synchronized (this) {
                now = loaded;
                if (now == null || now.version() != version) {
                    Lexicon.Vocabulary vocabulary = lexicon.vocabulary();
                    now = new Loaded(vocabulary.version(), new TrigramIndex(vocabulary.words()));
                    loaded = now;
                }
            }
        }
        return now.index();
    }
}
