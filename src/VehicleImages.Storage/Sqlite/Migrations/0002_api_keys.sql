-- API keys: only a hash of the secret is stored; the prefix is for people to recognise a key in listings.
CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    secret_hash  TEXT NOT NULL UNIQUE,
    plan         TEXT NOT NULL,
    scopes       INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT
) WITHOUT ROWID;
