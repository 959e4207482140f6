-- A number that every change to the catalog's images or configurations moves, committed with the change, whoever
-- writes it (the server, a CLI ingest in another process). Caches of catalog answers compare it. PRAGMA
-- data_version would be cheaper still but also moves with every usage count, key and session written to this file,
-- which is several times a second on a busy server.
CREATE TABLE catalog_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 0);

CREATE TRIGGER images_insert_version AFTER INSERT ON images BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER images_update_version AFTER UPDATE ON images BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER images_delete_version AFTER DELETE ON images BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER configurations_insert_version AFTER INSERT ON configurations BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER configurations_update_version AFTER UPDATE ON configurations BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER configurations_delete_version AFTER DELETE ON configurations BEGIN UPDATE catalog_version SET version = version + 1; END;
