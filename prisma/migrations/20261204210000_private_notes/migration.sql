-- Issue 23 §9: a private note beside each public one, never published.
ALTER TABLE "Membership" ADD COLUMN "privateNote" TEXT;
ALTER TABLE "Signature" ADD COLUMN "privateNote" TEXT;
ALTER TABLE "DivisionWhip" ADD COLUMN "privateNote" TEXT;
ALTER TABLE "Position" ADD COLUMN "privateNote" TEXT;
ALTER TABLE "PositionRule" ADD COLUMN "privateNote" TEXT;
ALTER TABLE "Poll" ADD COLUMN "privateNote" TEXT;
