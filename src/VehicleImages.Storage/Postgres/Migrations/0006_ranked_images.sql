-- The /images search reads, from each configuration of a model, good images in ranking order: within one configuration
-- and one value of has_alpha, images rank by hero view, then area, then ID. With this index a search takes the first
-- few of each configuration instead of ranking every image of the model, so a model with a hundred thousand images
-- costs what one with a hundred does. The hero views (2, 8, 20: front right, front left, front three-quarter) are
-- ImageRanking.HeroViews; PostgresSearch writes the same expression, and an index is only used when they match.
CREATE INDEX images_ranked ON images
    (configuration_id, photo_type, has_alpha, (CASE WHEN view IN (2, 8, 20) THEN 0 ELSE 1 END), (width::bigint * height) DESC, id)
    WHERE quality_issues = 0;
