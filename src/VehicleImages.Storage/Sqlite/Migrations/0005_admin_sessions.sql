-- Browser sessions of the admin UI: only a hash of the session token is stored, as for API keys.
CREATE TABLE admin_sessions (
    token_hash  TEXT PRIMARY KEY,
    key_id      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    ended_at    TEXT
) WITHOUT ROWID;
