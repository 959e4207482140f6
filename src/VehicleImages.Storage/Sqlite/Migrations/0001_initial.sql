-- Vehicle configurations: what a set of images depicts. The ID is a name-based UUID of the fields, so
-- re-ingesting gives the same row. *_key columns hold the folded names that forgiving lookups compare.
CREATE TABLE configurations (
    id          TEXT PRIMARY KEY,
    make        TEXT NOT NULL,
    model       TEXT NOT NULL,
    trim        TEXT,
    body        TEXT,
    year_from   INTEGER,
    year_to     INTEGER,
    make_key    TEXT NOT NULL,
    model_key   TEXT NOT NULL,
    trim_key    TEXT NOT NULL
) WITHOUT ROWID;

-- /images and imagesearch look up by make and model, then narrow by year.
CREATE INDEX configurations_by_name ON configurations (make_key, model_key, year_from, year_to);

-- One row per original. The rowid is the first 64 bits of the content hash: deterministic, compact, and the
-- public image ID. Enumerations are stored as their integer values.
CREATE TABLE images (
    id                INTEGER PRIMARY KEY,
    sha256            BLOB NOT NULL UNIQUE,
    configuration_id  TEXT NOT NULL REFERENCES configurations (id),
    view              INTEGER NOT NULL,
    photo_type        INTEGER NOT NULL,
    colour_name       TEXT,
    colour            INTEGER,
    source            INTEGER NOT NULL,
    provenance        TEXT,
    vin               TEXT,
    sequence          INTEGER,
    registration      TEXT,
    license           INTEGER,
    license_note      TEXT,
    attribution       TEXT,
    context_link      TEXT,
    date_published    TEXT,
    format            INTEGER NOT NULL,
    width             INTEGER NOT NULL,
    height            INTEGER NOT NULL,
    byte_size         INTEGER NOT NULL,
    has_alpha         INTEGER NOT NULL,
    accent_colour     TEXT NOT NULL,
    phash             INTEGER NOT NULL,
    quality_issues    INTEGER NOT NULL,
    duplicate_of      INTEGER,
    renditions        TEXT NOT NULL,
    ingested_at       TEXT NOT NULL
);

-- Per configuration, good images first, by view: the shape of every family's lookup.
CREATE INDEX images_by_configuration ON images (configuration_id, quality_issues, view);

-- Inventory photos of one vehicle, in gallery order.
CREATE INDEX images_by_vin ON images (vin, source, sequence) WHERE vin IS NOT NULL;

CREATE INDEX images_by_registration ON images (registration) WHERE registration IS NOT NULL;
