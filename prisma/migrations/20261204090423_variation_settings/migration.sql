-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "variation_applies" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "variation_baseline_from" TEXT,
ADD COLUMN     "variation_baseline_points" INTEGER;

-- #17: limits fixed from fewer than 12 points are too unsteady (MIN_BASELINE_POINTS); the register import checks the same.
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_variation_baseline_points_min" CHECK ("variation_baseline_points" IS NULL OR "variation_baseline_points" >= 12);
