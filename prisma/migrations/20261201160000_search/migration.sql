-- Search (docs/decisions/016-search.md): accent- and case-insensitive matching of people (by any
-- alias), campaigns, bodies and sources, with trigram indexes so that "contains" is fast.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); fixed to the default dictionary it is
-- immutable, which an index needs.
CREATE FUNCTION whipcount_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE INDEX "PersonAlias_fold_trgm" ON "PersonAlias" USING gin (whipcount_fold(alias) gin_trgm_ops);
CREATE INDEX "Person_fold_trgm" ON "Person" USING gin (whipcount_fold(name) gin_trgm_ops);
CREATE INDEX "Campaign_fold_trgm" ON "Campaign" USING gin (whipcount_fold(title) gin_trgm_ops);
CREATE INDEX "Body_fold_trgm" ON "Body" USING gin (whipcount_fold(name) gin_trgm_ops);
CREATE INDEX "Source_fold_trgm" ON "Source" USING gin (whipcount_fold(publisher || ' ' || title) gin_trgm_ops);
