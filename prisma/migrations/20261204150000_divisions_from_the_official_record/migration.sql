-- Divisions from the official record (issue 22): a house's division may stand alone (house, day and
-- number; Parliament's DivisionId), deferred divisions and proxy votes, parties' whips on a division,
-- and parliamentary parties that group several parties (Labour and Labour/Co-operative).

-- CreateEnum
CREATE TYPE "WhipDirection" AS ENUM ('AYE', 'NO', 'FREE');

-- AlterTable
ALTER TABLE "Ballot" ADD COLUMN     "proxy" TEXT;

-- AlterTable
ALTER TABLE "Body" ADD COLUMN     "partyGroup" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Division" ADD COLUMN     "deferred" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "house" "House",
ADD COLUMN     "number" INTEGER,
ALTER COLUMN "stageId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "DivisionWhip" (
    "id" SERIAL NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "party" TEXT NOT NULL,
    "whip" "WhipDirection" NOT NULL,
    "lines" INTEGER,
    "note" TEXT,
    "sourceId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DivisionWhip_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DivisionWhip_divisionId_party_key" ON "DivisionWhip"("divisionId", "party");

-- CreateIndex
CREATE INDEX "Division_stageId_idx" ON "Division"("stageId");

-- CreateIndex
CREATE INDEX "Division_heldOn_idx" ON "Division"("heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "Division_house_heldOn_number_key" ON "Division"("house", "heldOn", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Division_house_externalId_key" ON "Division"("house", "externalId");

-- AddForeignKey
ALTER TABLE "DivisionWhip" ADD CONSTRAINT "DivisionWhip_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DivisionWhip" ADD CONSTRAINT "DivisionWhip_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- A division is a stage's vote or a house's (or both); a house division has a day and a number.
ALTER TABLE "Division" ADD CONSTRAINT "Division_belongs_check" CHECK ("stageId" IS NOT NULL OR "house" IS NOT NULL);
ALTER TABLE "Division" ADD CONSTRAINT "Division_number_check" CHECK ("number" IS NULL OR "number" >= 1);
ALTER TABLE "DivisionWhip" ADD CONSTRAINT "DivisionWhip_lines_check" CHECK ("lines" IS NULL OR "lines" BETWEEN 1 AND 3);
ALTER TABLE "DivisionWhip" ADD CONSTRAINT "DivisionWhip_party_check" CHECK (length(btrim("party")) > 0);

-- Whips move the data version like every other fact (decision 015).
CREATE TRIGGER "DivisionWhip_notes_insert" AFTER INSERT ON "DivisionWhip" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION whipcount_note_change();
CREATE TRIGGER "DivisionWhip_notes_update" AFTER UPDATE ON "DivisionWhip" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION whipcount_note_change();
CREATE TRIGGER "DivisionWhip_notes_delete" AFTER DELETE ON "DivisionWhip" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION whipcount_note_change();
CREATE TRIGGER "DivisionWhip_notes_truncate" AFTER TRUNCATE ON "DivisionWhip" FOR EACH STATEMENT EXECUTE FUNCTION whipcount_note_truncate();

-- Generational suffixes are no longer part of a name's comparable form (lib/names.ts): "Ian
-- Paisley Jnr" compares as "ian paisley", as Hansard writes him.
DELETE FROM "PersonAlias" a
WHERE a.normalized ~ '\m(jnr|jr|junior|snr|sr|senior)$' AND a.normalized ~ ' '
  AND EXISTS (SELECT 1 FROM "PersonAlias" b WHERE b."personId" = a."personId" AND b.id <> a.id
              AND b.normalized = regexp_replace(a.normalized, ' (jnr|jr|junior|snr|sr|senior)$', ''));
UPDATE "PersonAlias" SET normalized = regexp_replace(normalized, ' (jnr|jr|junior|snr|sr|senior)$', '')
WHERE normalized ~ ' (jnr|jr|junior|snr|sr|senior)$';
