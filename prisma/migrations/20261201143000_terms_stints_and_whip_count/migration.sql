-- Terms and dated stints (docs/decisions/013-terms-and-stints.md) and the whip count's positions,
-- derivation rules, named body members and structured decision rules (014-whip-count.md).

-- CreateEnum
CREATE TYPE "StintChange" AS ENUM ('ELECTED', 'BY_ELECTION', 'DEFECTION', 'WHIP_WITHDRAWN', 'WHIP_SUSPENDED', 'WHIP_RESTORED', 'OTHER');

-- CreateEnum
CREATE TYPE "Stand" AS ENUM ('FOR', 'LEANING_FOR', 'UNDECIDED', 'LEANING_AGAINST', 'AGAINST', 'WILL_NOT_VOTE');

-- CreateEnum
CREATE TYPE "DecisionRuleKind" AS ENUM ('UNKNOWN', 'MAJORITY_OF_VOTING', 'MAJORITY_OF_BODY', 'FRACTION_OF_VOTING', 'FRACTION_OF_BODY', 'ABSOLUTE');

-- CreateEnum
CREATE TYPE "TieRule" AS ENUM ('FAILS', 'PASSES');

-- AlterTable
ALTER TABLE "Ballot" ADD COLUMN     "teller" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Body" ADD COLUMN     "memberHouses" "House"[] DEFAULT ARRAY[]::"House"[],
ADD COLUMN     "memberParties" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "change" "StintChange",
ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "termId" INTEGER,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Stage" ADD COLUMN     "membersOn" DATE,
ADD COLUMN     "quorum" INTEGER,
ADD COLUMN     "ruleCount" INTEGER,
ADD COLUMN     "ruleDenominator" INTEGER,
ADD COLUMN     "ruleKind" "DecisionRuleKind" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "ruleNumerator" INTEGER,
ADD COLUMN     "tie" "TieRule" NOT NULL DEFAULT 'FAILS';

-- CreateTable
CREATE TABLE "Term" (
    "id" SERIAL NOT NULL,
    "house" "House" NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "sourceId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BodyMember" (
    "id" SERIAL NOT NULL,
    "bodyId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "sourceId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BodyMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" SERIAL NOT NULL,
    "stageId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "stand" "Stand" NOT NULL,
    "statedOn" DATE NOT NULL,
    "confidence" "Confidence" NOT NULL DEFAULT 'REPORTED',
    "quote" TEXT,
    "statementId" INTEGER,
    "note" TEXT,
    "sourceId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PositionRule" (
    "id" SERIAL NOT NULL,
    "stageId" INTEGER NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "stand" "Stand" NOT NULL,
    "note" TEXT,
    "sourceId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PositionRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Term_house_name_key" ON "Term"("house", "name");

-- CreateIndex
CREATE INDEX "BodyMember_bodyId_idx" ON "BodyMember"("bodyId");

-- CreateIndex
CREATE INDEX "BodyMember_personId_idx" ON "BodyMember"("personId");

-- CreateIndex
CREATE INDEX "Position_stageId_personId_statedOn_idx" ON "Position"("stageId", "personId", "statedOn");

-- CreateIndex
CREATE INDEX "Position_personId_idx" ON "Position"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Position_stageId_personId_statedOn_stand_key" ON "Position"("stageId", "personId", "statedOn", "stand");

-- CreateIndex
CREATE UNIQUE INDEX "PositionRule_stageId_campaignId_key" ON "PositionRule"("stageId", "campaignId");

-- CreateIndex
CREATE INDEX "Membership_termId_idx" ON "Membership"("termId");

-- AddForeignKey
ALTER TABLE "Term" ADD CONSTRAINT "Term_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionRule" ADD CONSTRAINT "PositionRule_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionRule" ADD CONSTRAINT "PositionRule_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionRule" ADD CONSTRAINT "PositionRule_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------------------------
-- Rules Prisma cannot express.

CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "Term" ADD CONSTRAINT "Term_dates_check" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "Term" ADD CONSTRAINT "Term_name_check" CHECK (length(btrim(name)) > 0);
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_dates_check" CHECK ("endDate" IS NULL OR "startDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_rule_check" CHECK (
  CASE "ruleKind"
    WHEN 'FRACTION_OF_VOTING' THEN "ruleNumerator" >= 1 AND "ruleDenominator" >= 1 AND "ruleNumerator" <= "ruleDenominator"
    WHEN 'FRACTION_OF_BODY' THEN "ruleNumerator" >= 1 AND "ruleDenominator" >= 1 AND "ruleNumerator" <= "ruleDenominator"
    WHEN 'ABSOLUTE' THEN "ruleCount" >= 1
    ELSE true
  END AND ("quorum" IS NULL OR "quorum" >= 1)
);
ALTER TABLE "Position" ADD CONSTRAINT "Position_quote_check" CHECK ("quote" IS NULL OR length("quote") <= 5000);

-- ---------------------------------------------------------------------------------------------
-- Databases that already hold the seeded 2017–19 roster: its stints were stored without dates
-- and keyed without their term. Give them term 57 and its dates, and key them by term.

INSERT INTO "Source" (publisher, title, excerpt, key, "updatedAt")
SELECT 'UK Parliament', '57th Parliament of the United Kingdom (2017–2019)',
       'Elected at the general election of 8 June 2017; dissolved on 6 November 2019 for the general election of 12 December 2019.',
       'uk-parliament-term-57', now()
WHERE EXISTS (SELECT 1 FROM "Source" WHERE key = 'everypolitician-uk-commons-term-57')
ON CONFLICT (key) DO NOTHING;

INSERT INTO "Term" (house, name, label, "startDate", "endDate", "sourceId")
SELECT 'COMMONS', '57', '57th Parliament (2017–2019)', DATE '2017-06-08', DATE '2019-11-06', id
FROM "Source" WHERE key = 'uk-parliament-term-57'
ON CONFLICT (house, name) DO NOTHING;

UPDATE "Membership" m
SET "termId" = t.id,
    "startDate" = coalesce(m."startDate", t."startDate"),
    "endDate" = coalesce(m."endDate", t."endDate"),
    "externalId" = 'everypolitician:' || split_part(m."externalId", ':', 2) || ':COMMONS:57:' || to_char(coalesce(m."startDate", t."startDate"), 'YYYY-MM-DD')
FROM "Term" t, "Source" s
WHERE t.house = 'COMMONS' AND t.name = '57' AND s.id = m."sourceId" AND s.key = 'everypolitician-uk-commons-term-57';

-- Stints of one person in one house never overlap.
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_no_overlap"
  EXCLUDE USING gist ("personId" WITH =, house WITH =, daterange("startDate", "endDate", '[]') WITH &&);
