-- Browser sessions of the admin UI: only a hash of the session token is stored, as for API keys. Every API process
-- reads them here, so a session opened through one is honoured by all.
CREATE TABLE admin_sessions (
    token_hash  text PRIMARY KEY,
    key_id      uuid NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    ended_at    timestamptz
);
