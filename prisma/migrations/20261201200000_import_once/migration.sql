-- Import once (issue 16): the rows a preview checked, and the data version they were checked at,
-- so that the run reuses them instead of parsing and matching the file again.
ALTER TABLE "ImportJob" ADD COLUMN "checked" JSON,
ADD COLUMN "checkedAtVersion" BIGINT;
