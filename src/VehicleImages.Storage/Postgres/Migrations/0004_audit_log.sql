-- Who changed what in the library or its keys, append-only. An identity column keeps IDs increasing and never reused,
-- so "newest first" and paging by ID hold; before/after stay text, exactly as written (jsonb would reformat them).
CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor_key_id  uuid NOT NULL,
    actor_name    text NOT NULL,
    actor_prefix  text NOT NULL,
    action        text NOT NULL,
    subject       text NOT NULL,
    before        text,
    after         text
);

-- One image's or key's history.
CREATE INDEX audit_log_by_subject ON audit_log (subject, id);
