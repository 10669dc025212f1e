-- Rules Prisma's schema language cannot state, held by the database itself
-- (docs/decisions/003-constraints-in-the-database.md).

-- Counts and sizes are never negative.
ALTER TABLE "BodySize" ADD CONSTRAINT "BodySize_size_check" CHECK ("size" >= 0);
ALTER TABLE "Tally" ADD CONSTRAINT "Tally_count_check" CHECK ("count" >= 0);
ALTER TABLE "Division" ADD CONSTRAINT "Division_counts_check"
  CHECK (coalesce("ayes", 0) >= 0 AND coalesce("noes", 0) >= 0 AND coalesce("abstentions", 0) >= 0);
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_position_check" CHECK ("position" >= 1);

-- Slugs are URL-safe: lower-case letters, digits and single hyphens.
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "Person" ADD CONSTRAINT "Person_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "Body" ADD CONSTRAINT "Body_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

-- A campaign is open to at least one house.
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_eligibleHouses_check" CHECK (cardinality("eligibleHouses") >= 1);

-- A signature is not withdrawn before it was signed, and a withdrawal has a date.
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_withdrawn_after_signed_check"
  CHECK ("withdrawnOn" IS NULL OR "signedOn" IS NULL OR "withdrawnOn" >= "signedOn");
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_reason_needs_date_check"
  CHECK ("withdrawalReason" IS NULL OR "withdrawnOn" IS NOT NULL);

-- Date ranges run forwards.
ALTER TABLE "Role" ADD CONSTRAINT "Role_dates_check" CHECK ("endedOn" IS NULL OR "startedOn" IS NULL OR "endedOn" >= "startedOn");
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_dates_check" CHECK ("endDate" IS NULL OR "startDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_fieldwork_check"
  CHECK ("fieldworkEnd" IS NULL OR "fieldworkStart" IS NULL OR "fieldworkEnd" >= "fieldworkStart");

-- A threshold is either an absolute number or a share of a body, never both, never neither.
ALTER TABLE "Threshold" ADD CONSTRAINT "Threshold_absolute_xor_share_check" CHECK (
  ("absoluteValue" IS NOT NULL AND "sharePercent" IS NULL AND "bodyId" IS NULL)
  OR ("absoluteValue" IS NULL AND "sharePercent" IS NOT NULL AND "bodyId" IS NOT NULL)
);
ALTER TABLE "Threshold" ADD CONSTRAINT "Threshold_absoluteValue_check" CHECK ("absoluteValue" IS NULL OR "absoluteValue" >= 1);
ALTER TABLE "Threshold" ADD CONSTRAINT "Threshold_sharePercent_check"
  CHECK ("sharePercent" IS NULL OR ("sharePercent" > 0 AND "sharePercent" <= 100));

-- Percentages are 0–100; net satisfaction is −100…100.
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_percentages_check" CHECK (
  ("satisfied" IS NULL OR "satisfied" BETWEEN 0 AND 100)
  AND ("dissatisfied" IS NULL OR "dissatisfied" BETWEEN 0 AND 100)
  AND ("dontKnow" IS NULL OR "dontKnow" BETWEEN 0 AND 100)
  AND ("net" BETWEEN -100 AND 100)
  AND ("sampleSize" IS NULL OR "sampleSize" > 0)
);

-- A statement names its speaker: a person, or the source's words for them.
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_speaker_check" CHECK ("personId" IS NOT NULL OR "speakerLabel" IS NOT NULL);

-- The audit log is append-only: the database refuses to change or remove history.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
