-- Where each label came from (LabelSource: 0 none, 1 given, 2 predicted, 3 curator), and what the vision stage saw.
-- Images catalogued before this have no recorded origin and no prediction, which is what the defaults say.
-- A prediction is present when vision_models is set; its other columns are then set too, except the colour and its
-- hex, which stay NULL when no body colour could be measured (the check on the last column keeps a prediction whole).
-- vision_scores holds every content class's probability as a JSON object keyed by the class's wire name.
ALTER TABLE images ADD COLUMN view_source INTEGER NOT NULL DEFAULT 0;
ALTER TABLE images ADD COLUMN photo_type_source INTEGER NOT NULL DEFAULT 0;
ALTER TABLE images ADD COLUMN colour_source INTEGER NOT NULL DEFAULT 0;
ALTER TABLE images ADD COLUMN verdict_source INTEGER NOT NULL DEFAULT 0;
ALTER TABLE images ADD COLUMN vision_models TEXT;
ALTER TABLE images ADD COLUMN vision_content INTEGER;
ALTER TABLE images ADD COLUMN vision_vehicle_score REAL;
ALTER TABLE images ADD COLUMN vision_view INTEGER;
ALTER TABLE images ADD COLUMN vision_view_score REAL;
ALTER TABLE images ADD COLUMN vision_colour INTEGER;
ALTER TABLE images ADD COLUMN vision_colour_hex TEXT;
ALTER TABLE images ADD COLUMN vision_colour_score REAL;
ALTER TABLE images ADD COLUMN vision_scores TEXT CHECK (
    (vision_models IS NULL) = (vision_content IS NULL)
    AND (vision_models IS NULL) = (vision_view IS NULL)
    AND (vision_models IS NULL) = (vision_vehicle_score IS NULL)
    AND (vision_models IS NULL) = (vision_view_score IS NULL)
    AND (vision_models IS NULL) = (vision_colour_score IS NULL)
    AND (vision_models IS NULL) = (vision_scores IS NULL));
