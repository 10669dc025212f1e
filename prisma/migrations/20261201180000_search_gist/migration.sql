-- Search, second form (docs/decisions/016-search.md): GiST trigram indexes instead of GIN. One
-- `LIKE` per word (not `LIKE ALL (array)`, which no trigram index can serve) is filtered by the
-- index, and the results are ordered by trigram distance (`<->`) from the same index, so a query
-- that matches thousands of rows ("campaign") reads only the ten nearest.
DROP INDEX IF EXISTS "PersonAlias_fold_trgm";
DROP INDEX IF EXISTS "Person_fold_trgm";
DROP INDEX IF EXISTS "Campaign_fold_trgm";
DROP INDEX IF EXISTS "Body_fold_trgm";
DROP INDEX IF EXISTS "Source_fold_trgm";

CREATE INDEX "PersonAlias_fold_trgm" ON "PersonAlias" USING gist (whipcount_fold(alias) gist_trgm_ops);
CREATE INDEX "Person_fold_trgm" ON "Person" USING gist (whipcount_fold(name) gist_trgm_ops);
CREATE INDEX "Campaign_fold_trgm" ON "Campaign" USING gist (whipcount_fold(title) gist_trgm_ops);
CREATE INDEX "Body_fold_trgm" ON "Body" USING gist (whipcount_fold(name) gist_trgm_ops);
CREATE INDEX "Source_fold_trgm" ON "Source" USING gist (whipcount_fold(publisher || ' ' || title) gist_trgm_ops);
