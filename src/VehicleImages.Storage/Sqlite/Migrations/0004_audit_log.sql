-- Who changed what in the library or its keys, append-only. AUTOINCREMENT keeps IDs increasing even after the
-- newest rows are deleted, so "newest first" and paging by ID never reuse a number.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT NOT NULL,
    actor_key_id  TEXT NOT NULL,
    actor_name    TEXT NOT NULL,
    actor_prefix  TEXT NOT NULL,
    action        TEXT NOT NULL,
    subject       TEXT NOT NULL,
    before        TEXT,
    after         TEXT
);

-- One image's or key's history.
CREATE INDEX audit_log_by_subject ON audit_log (subject, id);
