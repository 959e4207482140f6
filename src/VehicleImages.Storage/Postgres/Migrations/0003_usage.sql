-- Usage per key, day (UTC), endpoint and chargeability: one row per combination, counts added up. The primary key
-- serves one key's reports and is what concurrent flushes meet on.
CREATE TABLE usage (
    key_id      uuid NOT NULL,
    day         date NOT NULL,
    endpoint    text NOT NULL,
    chargeable  boolean NOT NULL,
    count       bigint NOT NULL,
    PRIMARY KEY (key_id, day, endpoint, chargeable)
);

-- Reports over every key (the admin's usage listing, monthly totals) read a range of days.
CREATE INDEX usage_by_day ON usage (day);
