-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "lag_months" INTEGER NOT NULL DEFAULT 0;

-- #14: a figure that arrives late by design (recycling rates, a quarter late) is asked for
-- lag_months after its period ends. Whole months from 0 to 12, as the register import checks.
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_lag_months_range" CHECK ("lag_months" BETWEEN 0 AND 12);
