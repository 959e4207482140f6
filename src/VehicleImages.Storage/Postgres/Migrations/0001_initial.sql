-- Vehicle configurations: what a set of images depicts. The ID is a name-based UUID of the fields, so
-- re-ingesting gives the same row. *_key columns hold the folded names that forgiving lookups compare; they are
-- only ever compared for equality, so the C collation makes that cheap without changing any answer.
CREATE TABLE configurations (
    id          uuid PRIMARY KEY,
    make        text NOT NULL,
    model       text NOT NULL,
    trim        text,
    body        text,
    year_from   smallint,
    year_to     smallint,
    make_key    text COLLATE "C" NOT NULL,
    model_key   text COLLATE "C" NOT NULL,
    trim_key    text COLLATE "C" NOT NULL,
    CHECK ((year_from IS NULL) = (year_to IS NULL) AND year_from <= year_to)
);

-- Every search and summary starts from a make and model.
CREATE INDEX configurations_by_name ON configurations (make_key, model_key);

-- One row per original. The ID is the first 64 bits of the content hash: deterministic, and the public image ID.
-- Enumerations are stored as their integer values. Columns run from the widest fixed-size ones to the
-- variable-size ones, so that a million rows carry no alignment padding.
CREATE TABLE images (
    id                bigint PRIMARY KEY,
    configuration_id  uuid NOT NULL REFERENCES configurations (id),
    ingested_at       timestamptz NOT NULL,
    phash             bigint NOT NULL,
    byte_size         bigint NOT NULL,
    duplicate_of      bigint,
    width             integer NOT NULL,
    height            integer NOT NULL,
    quality_issues    integer NOT NULL,
    sequence          integer,
    date_published    date,
    view              smallint NOT NULL,
    photo_type        smallint NOT NULL,
    source            smallint NOT NULL,
    format            smallint NOT NULL,
    colour            smallint,
    license           smallint,
    has_alpha         boolean NOT NULL,
    sha256            bytea NOT NULL UNIQUE,
    accent_colour     text NOT NULL,
    colour_name       text,
    provenance        text,
    vin               text,
    registration      text,
    license_note      text,
    attribution       text,
    context_link      text,
    renditions        jsonb NOT NULL
);

-- A configuration's images, whatever their quality: the foreign key's index, and what removing an emptied
-- configuration and searches that include bad images read. Searches, summaries and imagefromid read good images
-- through images_ranked (0006).
CREATE INDEX images_by_configuration ON images (configuration_id);

-- Inventory photos of one vehicle: a few dozen rows, put in gallery order after the lookup.
CREATE INDEX images_by_vin ON images (vin) WHERE vin IS NOT NULL;

-- Ingest stores marks normalised (upper case, no spaces), so a lookup is an equality.
CREATE INDEX images_by_registration ON images (registration) WHERE registration IS NOT NULL;
