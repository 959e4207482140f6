-- Usage per key, day (UTC, yyyy-MM-dd), endpoint and chargeability: one row per combination, counts added up.
CREATE TABLE usage (
    key_id      TEXT NOT NULL,
    day         TEXT NOT NULL,
    endpoint    TEXT NOT NULL,
    chargeable  INTEGER NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (key_id, day, endpoint, chargeable)
) WITHOUT ROWID;
