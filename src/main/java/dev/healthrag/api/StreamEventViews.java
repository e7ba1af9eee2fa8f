package dev.healthrag.api;

import java.util.List;

/** The data of /api/chat/stream's events other than {@code done}, whose data is a {@link ChatResponse}. */
final class StreamEventViews {

    private StreamEventViews() {
    }

    /** Event {@code sources}: what the answer may cite, numbered as the model's [n] markers number them. */
    record SourcesView(List<ChatResponse.CitationView> sources) {
    }

    /** Event {@code token}: a piece of text as it is produced (JSON, so leading spaces and newlines survive). */
    record TokenView(String text) {
    }

    /** Event {@code error}: what went wrong; a {@code done} always follows. */
    record ErrorView(String error) {
    }
}
