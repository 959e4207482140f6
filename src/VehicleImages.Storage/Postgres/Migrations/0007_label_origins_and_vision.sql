-- Where each label came from (LabelSource: 0 none, 1 given, 2 predicted, 3 curator), and what the vision stage saw.
-- Images catalogued before this have no recorded origin and no prediction, which is what the defaults say. A
-- constant default is recorded in the system catalog, not written into every row, and every existing row passes the
-- check (it has no prediction), so NOT VALID spares the scan: on a large library this neither rewrites nor reads it.
-- A prediction is present when vision_models is set; its other columns are then set too, except the colour and its
-- hex, which stay NULL when no body colour could be measured. Scores are double precision so that they read back exactly
-- as the model gave them; vision_scores holds every content class's probability keyed by the class's wire name.
ALTER TABLE images
    ADD COLUMN view_source          smallint NOT NULL DEFAULT 0,
    ADD COLUMN photo_type_source    smallint NOT NULL DEFAULT 0,
    ADD COLUMN colour_source        smallint NOT NULL DEFAULT 0,
    ADD COLUMN verdict_source       smallint NOT NULL DEFAULT 0,
    ADD COLUMN vision_content       smallint,
    ADD COLUMN vision_view          smallint,
    ADD COLUMN vision_colour        smallint,
    ADD COLUMN vision_vehicle_score double precision,
    ADD COLUMN vision_view_score    double precision,
    ADD COLUMN vision_colour_score  double precision,
    ADD COLUMN vision_models        text,
    ADD COLUMN vision_colour_hex    text,
    ADD COLUMN vision_scores        jsonb,
    ADD CONSTRAINT images_prediction_whole CHECK (
        (vision_models IS NULL) = (vision_content IS NULL)
        AND (vision_models IS NULL) = (vision_view IS NULL)
        AND (vision_models IS NULL) = (vision_vehicle_score IS NULL)
        AND (vision_models IS NULL) = (vision_view_score IS NULL)
        AND (vision_models IS NULL) = (vision_colour_score IS NULL)
        AND (vision_models IS NULL) = (vision_scores IS NULL)) NOT VALID;
