-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "max_change_percent" DECIMAL(18,6);

-- AlterTable
ALTER TABLE "indicator_value" ADD COLUMN     "estimated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "unusual_confirmed" BOOLEAN NOT NULL DEFAULT false;

-- #16: a jump limit is a percentage change above nothing; the register import checks the same.
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_max_change_percent_positive" CHECK ("max_change_percent" IS NULL OR "max_change_percent" > 0);
