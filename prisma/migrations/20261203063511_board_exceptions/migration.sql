-- AlterTable
ALTER TABLE "board_commentary" ADD COLUMN     "period" TEXT;

-- AlterTable
ALTER TABLE "action_plan" ADD COLUMN     "achieved_at" TIMESTAMP(3),
ADD COLUMN     "exception_id" TEXT;

-- CreateTable
CREATE TABLE "board_exception" (
    "id" TEXT NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "opened_period" TEXT NOT NULL,
    "last_period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "worst_status" TEXT NOT NULL,
    "thread_id" TEXT,
    "closed_period" TEXT,
    "closed_at" TIMESTAMP(3),
    "closed_how" TEXT,
    "recovery_by" TEXT,
    "recovery_missed" TEXT,
    "recovery_decision" TEXT,
    "recovery_decided_by_id" TEXT,
    "recovery_decided_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_exception_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "board_exception_thread_id_key" ON "board_exception"("thread_id");

-- CreateIndex
CREATE INDEX "board_exception_indicator_id_closed_at_idx" ON "board_exception"("indicator_id", "closed_at");

-- CreateIndex
CREATE UNIQUE INDEX "board_exception_indicator_id_opened_period_key" ON "board_exception"("indicator_id", "opened_period");

-- AddForeignKey
ALTER TABLE "board_exception" ADD CONSTRAINT "board_exception_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_exception" ADD CONSTRAINT "board_exception_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "board_thread"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_plan" ADD CONSTRAINT "action_plan_exception_id_fkey" FOREIGN KEY ("exception_id") REFERENCES "board_exception"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: every thread started before exceptions existed becomes an exception of its own,
-- opened and last seen in the thread's period, with the plan asked for that indicator and period.
-- The next digest continues it if the indicator is still red or amber in the following period.
INSERT INTO "board_exception" ("id", "indicator_id", "opened_period", "last_period", "status", "worst_status", "thread_id", "created_at")
SELECT gen_random_uuid()::text, t."indicator_id", t."period", t."period", t."status", t."status", t."id", t."created_at"
FROM "board_thread" t;

UPDATE "action_plan" p SET "exception_id" = e."id"
FROM "board_exception" e
WHERE e."indicator_id" = p."indicator_id" AND e."opened_period" = p."period";

-- Only each indicator's latest thread can still be its problem: the earlier ones are closed
-- (SUPERSEDED, in their own period), so a digest continues or closes the latest one only.
UPDATE "board_exception" e SET "closed_at" = e."created_at", "closed_period" = e."opened_period", "closed_how" = 'SUPERSEDED'
WHERE EXISTS (
    SELECT 1 FROM "board_exception" l
    WHERE l."indicator_id" = e."indicator_id" AND (l."created_at", l."opened_period") > (e."created_at", e."opened_period")
);

-- Hand-written: replies posted before now were about their thread's own period. The append-only
-- trigger refuses this UPDATE, so it is set aside for the backfill and put back.
ALTER TABLE "board_commentary" DISABLE TRIGGER "board_commentary_append_only";
UPDATE "board_commentary" c SET "period" = t."period" FROM "board_thread" t WHERE t."id" = c."thread_id";
ALTER TABLE "board_commentary" ENABLE TRIGGER "board_commentary_append_only";

-- The anonymising function may still change only the author's name, Entra id and text: the period
-- is now one of the columns it must leave as they are.
CREATE OR REPLACE FUNCTION "guard_board_commentary"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND current_setting('perfbot.anonymising', true) = 'on'
       AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID)
       AND NEW.id = OLD.id AND NEW.thread_id = OLD.thread_id AND NEW.teams_message_id = OLD.teams_message_id
       AND NEW.author_id IS NOT DISTINCT FROM OLD.author_id
       AND NEW.period IS NOT DISTINCT FROM OLD.period
       AND NEW.posted_at = OLD.posted_at AND NEW.created_at = OLD.created_at
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
