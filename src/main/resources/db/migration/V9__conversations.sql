-- Conversations live in the database, not in a service instance, so any instance can continue any of them.
-- A conversation is created by its first turn; its id is the UUID the client sends (or was given).
CREATE TABLE conversations (
    id          uuid PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The retention purge deletes conversations whose last turn is older than the retention period.
CREATE INDEX conversations_updated_idx ON conversations (updated_at);

-- One question and its answer. Numbered from 1 within the conversation; the conversation's row lock (taken by
-- the upsert that precedes each insert) makes two instances appending at once number their turns one after the
-- other instead of colliding.
CREATE TABLE conversation_turns (
    conversation_id  uuid        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    turn             int         NOT NULL,
    question         text        NOT NULL,
    rewritten_query  text,                        -- what retrieval ran; null when nothing was retrieved (emergency)
    answer_body      text        NOT NULL,        -- the body with its [n] markers, without disclaimer or guidance
    citations        jsonb       NOT NULL DEFAULT '[]',  -- [{"number": 1, "title": ..., "url": ..., "articleId": ...}]
    mode             text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, turn)
);

CREATE INDEX conversation_turns_created_idx ON conversation_turns (created_at);
