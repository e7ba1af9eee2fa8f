package dev.healthrag.answer;

import java.util.List;
import java.util.function.Supplier;

/**
 * The earlier turns of a request's conversation, oldest first ({@link PriorTurn}), either given (a channel
 * whose client sends the history) or read from the store the first time they are needed. Reading late matters:
 * triage answers an emergency before anything asks for the history, so an emergency is answered even while
 * the database is down.
 */
public final class History {

    public static final History NONE = of(List.of());

    private final Supplier<List<PriorTurn>> source;
    private volatile List<PriorTurn> turns;

    private History(Supplier<List<PriorTurn>> source, List<PriorTurn> turns) {
        this.source = source;
        this.turns = turns;
    }

    public static History of(List<PriorTurn> turns) {
        return new History(null, List.copyOf(turns));
    }

    /** @param source read once, on the first call of {@link #turns}; what it throws, that call throws */
    public static History whenNeeded(Supplier<List<PriorTurn>> source) {
        return new History(source, null);
    }

    public List<PriorTurn> turns() {
        List<PriorTurn> read = turns;
        if (read == null) {
            synchronized (this) {
                if (turns == null) {
                    turns = List.copyOf(source.get());
                }
                read = turns;
            }
        }
        return read;
    }
}
