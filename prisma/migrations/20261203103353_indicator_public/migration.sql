-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "public" BOOLEAN NOT NULL DEFAULT true;

-- #15: indicators already in the register get what an import gives a blank `public` cell: KPIs are
-- reported to members and published, service PIs and data-only figures stay internal until the
-- council marks them public.
UPDATE "indicator" SET "public" = ("kind" = 'KPI');
