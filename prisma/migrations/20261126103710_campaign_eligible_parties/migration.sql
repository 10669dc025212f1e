-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "eligibleParties" TEXT[] DEFAULT ARRAY[]::TEXT[];
