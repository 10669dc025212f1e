-- The data version (docs/decisions/015-data-version.md): one row whose number grows with every
-- committed change to the public data set.
-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "epoch" TEXT NOT NULL DEFAULT substr(md5((random())::text || (clock_timestamp())::text), 1, 12),
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataVersionPending" (
    "txid" BIGINT NOT NULL,

    CONSTRAINT "DataVersionPending_pkey" PRIMARY KEY ("txid")
);


ALTER TABLE "DataVersion" ADD CONSTRAINT "DataVersion_single_row" CHECK (id = 1);
INSERT INTO "DataVersion" (id, version) VALUES (1, 1);

-- Every statement that changes a data-set table notes its transaction (once); at commit, a deferred
-- trigger on that note bumps the version and removes the note. The version row is thus locked only
-- in the last moment of a commit, when the transaction asks for no other lock (no deadlock), and
-- an import of 40,000 rows bumps it once.
-- A statement that touched no row (an upsert that found its row, an update that matched none)
-- changes nothing and notes nothing: the triggers see the rows it changed as a transition table.
CREATE FUNCTION whipcount_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    INSERT INTO "DataVersionPending" (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- TRUNCATE has no transition table: it always notes a change.
CREATE FUNCTION whipcount_note_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DataVersionPending" (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE FUNCTION whipcount_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET version = version + 1, "changedAt" = now() WHERE id = 1;
  DELETE FROM "DataVersionPending" WHERE txid = NEW.txid;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "DataVersionPending_bumps" AFTER INSERT ON "DataVersionPending"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION whipcount_bump_data_version();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Source', 'Person', 'PersonIdentifier', 'PersonAlias', 'Term', 'Membership', 'Body', 'BodyMember', 'BodySize', 'Role',
                           'Campaign', 'Signature', 'Tally', 'Threshold', 'Stage', 'Division', 'Ballot', 'Statement', 'Position', 'PositionRule',
                           'Poll', 'TimelineEvent', 'TimelineEventPerson'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION whipcount_note_change()', t || '_notes_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION whipcount_note_change()', t || '_notes_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION whipcount_note_change()', t || '_notes_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION whipcount_note_truncate()', t || '_notes_truncate', t);
  END LOOP;
END $$;
