-- The /images search reads, from each configuration of a model, good images in ranking order: within one configuration
-- and one value of has_alpha, images rank by hero view, then area, then ID. With this index a search takes the first
-- few of each configuration instead of ranking every image of the model, so a model with a hundred thousand images
-- costs what one with a hundred does. The hero views (2, 8, 20: front right, front left, front three-quarter) are
-- ImageRanking.HeroViews; PostgresSearch writes the same expression, and an index is only used when they match.
-- The included columns are the rest of what a search filters and ranks by, and what summaries group by, so both read
-- the index alone. That matters for the plan as well as the reads: the planner estimates a configuration's images
-- from the average (a few dozen), and only while no other index can serve the query from the index alone does it keep
-- to this one for a popular configuration's thousands of images (a test checks the plan).
CREATE INDEX images_ranked ON images
    (configuration_id, photo_type, has_alpha, (CASE WHEN view IN (2, 8, 20) THEN 0 ELSE 1 END), (width::bigint * height) DESC, id)
    INCLUDE (view, colour, license, width, height)
    WHERE quality_issues = 0;
