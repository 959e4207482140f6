-- API keys: only a hash of the secret is stored, and every request looks a key up by it; the prefix is for people
-- to recognise a key in listings.
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    name         text NOT NULL,
    prefix       text NOT NULL,
    secret_hash  text NOT NULL UNIQUE,
    plan         text NOT NULL,
    scopes       integer NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
