-- Each person's days cut into spans, each with the house, party and seat that count on them
-- (issue 26, docs/decisions/027-stint-spans.md): the rule "as on the day" of decision 013, kept
-- by the database itself, so that every page, count and export reads it with a plain join (an
-- index lookup for a page, a hash join that PostgreSQL may run in parallel for an export) instead
-- of a lookup per row. Derived: written only by the triggers below, from Membership and Person.
--
-- The rule: on a day, the stint in force is the latest started of those that cover it (an open
-- start or end runs for ever); someone with stints but none that day has no span that day (not a
-- member then); someone with no stints at all has one span for all time, with their own recorded
-- house, party and seat.
CREATE TABLE "StintSpan" (
    "personId" INTEGER NOT NULL,
    "fromDay" DATE NOT NULL,
    -- NULL: for ever.
    "toDay" DATE,
    "house" "House",
    "party" TEXT,
    "constituency" TEXT,

    CONSTRAINT "StintSpan_pkey" PRIMARY KEY ("personId", "fromDay"),
    CONSTRAINT "StintSpan_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StintSpan_ordered_check" CHECK ("toDay" IS NULL OR "toDay" >= "fromDay")
);

-- Rewrites the spans of these people from their stints (none when NULL or empty). Spans are cut at
-- every stint's start and the day after every end, so one stint is in force throughout each.
-- Stint writes are rare (roster imports, an editor's change): one lock serialises them, and the
-- statements after it see what the transaction that held it committed.
CREATE FUNCTION whipcount_stint_spans(people INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(people), 0) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(23817);
  DELETE FROM "StintSpan" WHERE "personId" = ANY(people);
  INSERT INTO "StintSpan" ("personId", "fromDay", "toDay", house, party, constituency)
  SELECT DISTINCT ON (span.person_id, span.from_day) span.person_id, span.from_day, span.to_day, ms.house, ms.party, ms.constituency
  FROM (
    SELECT person_id, day AS from_day, lead(day) OVER (PARTITION BY person_id ORDER BY day) - 1 AS to_day
    FROM (SELECT "personId" AS person_id, coalesce("startDate", '-infinity'::date) AS day FROM "Membership"
          WHERE "personId" = ANY(people)
          UNION
          SELECT "personId", "endDate" + 1 FROM "Membership"
          WHERE "endDate" IS NOT NULL AND "personId" = ANY(people)) bounds
  ) span
  JOIN "Membership" ms ON ms."personId" = span.person_id
    AND coalesce(ms."startDate", '-infinity'::date) <= span.from_day AND coalesce(ms."endDate", 'infinity'::date) >= span.from_day
  ORDER BY span.person_id, span.from_day, ms."startDate" DESC NULLS LAST, ms.id DESC;
  INSERT INTO "StintSpan" ("personId", "fromDay", "toDay", house, party, constituency)
  SELECT p.id, '-infinity'::date, NULL, p.house, p.party, p.constituency FROM "Person" p
  WHERE p.id = ANY(people) AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."personId" = p.id);
END $$;

CREATE FUNCTION whipcount_stint_spans_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM whipcount_stint_spans((SELECT array_agg(DISTINCT "personId") FROM changed_new));
  RETURN NULL;
END $$;
CREATE FUNCTION whipcount_stint_spans_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM whipcount_stint_spans((SELECT array_agg(DISTINCT x) FROM (SELECT "personId" AS x FROM changed_old UNION SELECT "personId" FROM changed_new) c));
  RETURN NULL;
END $$;
CREATE FUNCTION whipcount_stint_spans_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM whipcount_stint_spans((SELECT array_agg(DISTINCT "personId") FROM changed_old));
  RETURN NULL;
END $$;
CREATE FUNCTION whipcount_stint_spans_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM whipcount_stint_spans(ARRAY(SELECT id FROM "Person"));
  RETURN NULL;
END $$;

CREATE TRIGGER "Membership_spans_insert" AFTER INSERT ON "Membership" REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION whipcount_stint_spans_after_insert();
CREATE TRIGGER "Membership_spans_update" AFTER UPDATE ON "Membership" REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION whipcount_stint_spans_after_update();
CREATE TRIGGER "Membership_spans_delete" AFTER DELETE ON "Membership" REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION whipcount_stint_spans_after_delete();
CREATE TRIGGER "Membership_spans_truncate" AFTER TRUNCATE ON "Membership"
  FOR EACH STATEMENT EXECUTE FUNCTION whipcount_stint_spans_after_truncate();

-- A person's own house, party and seat count for someone with no stints: new people, and people
-- whose recorded house, party or seat changed.
CREATE FUNCTION whipcount_person_spans_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE people INTEGER[];
BEGIN
  -- Only people with no stints: the others' spans come from their stints alone (a roster import
  -- sets everyone's recorded party from their latest stint, which changes no span).
  SELECT array_agg(n.id) INTO people FROM changed_new n JOIN changed_old o ON o.id = n.id
  WHERE (n.house, n.party, n.constituency) IS DISTINCT FROM (o.house, o.party, o.constituency)
    AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."personId" = n.id);
  PERFORM whipcount_stint_spans(people);
  RETURN NULL;
END $$;
CREATE FUNCTION whipcount_person_spans_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM whipcount_stint_spans((SELECT array_agg(id) FROM changed_new));
  RETURN NULL;
END $$;
CREATE TRIGGER "Person_spans_insert" AFTER INSERT ON "Person" REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION whipcount_person_spans_after_insert();
CREATE TRIGGER "Person_spans_update" AFTER UPDATE ON "Person" REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION whipcount_person_spans_after_update();

SELECT whipcount_stint_spans(ARRAY(SELECT id FROM "Person"));
