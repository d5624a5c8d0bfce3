-- CreateEnum
CREATE TYPE "PlanVersionState" AS ENUM ('SUBMITTED', 'APPROVED', 'SENT_BACK');

-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN     "replaces_outbox_id" TEXT;

-- CreateTable
CREATE TABLE "board_channel" (
    "id" TEXT NOT NULL DEFAULT 'board',
    "team_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "service_url" TEXT NOT NULL,
    "tenant_id" TEXT,
    "set_by_id" TEXT,
    "set_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "board_channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "board_thread" (
    "id" TEXT NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "outbox_message_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_thread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "board_commentary" (
    "id" TEXT NOT NULL,
    "thread_id" TEXT NOT NULL,
    "teams_message_id" TEXT NOT NULL,
    "author_id" TEXT,
    "author_name" TEXT NOT NULL,
    "author_aad_object_id" TEXT,
    "text" TEXT NOT NULL,
    "posted_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_commentary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_plan" (
    "id" TEXT NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "requested_at" TIMESTAMP(3) NOT NULL,
    "requested_by" TEXT NOT NULL,

    CONSTRAINT "action_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_plan_version" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "expected_recovery" TEXT NOT NULL,
    "likely_sufficient" "LikelyToRecover" NOT NULL,
    "submitted_by_id" TEXT NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL,
    "state" "PlanVersionState" NOT NULL DEFAULT 'SUBMITTED',
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "decision_comment" TEXT,

    CONSTRAINT "action_plan_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_action" (
    "id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "lead_id" TEXT NOT NULL,
    "due_date" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "completed_at" TIMESTAMP(3),
    "completed_by_id" TEXT,

    CONSTRAINT "plan_action_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "board_thread_outbox_message_id_key" ON "board_thread"("outbox_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "board_thread_indicator_id_period_key" ON "board_thread"("indicator_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "board_commentary_teams_message_id_key" ON "board_commentary"("teams_message_id");

-- CreateIndex
CREATE INDEX "board_commentary_thread_id_idx" ON "board_commentary"("thread_id");

-- CreateIndex
CREATE UNIQUE INDEX "action_plan_indicator_id_period_key" ON "action_plan"("indicator_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "action_plan_version_plan_id_version_key" ON "action_plan_version"("plan_id", "version");

-- CreateIndex
CREATE INDEX "plan_action_lead_id_idx" ON "plan_action"("lead_id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_action_version_id_position_key" ON "plan_action"("version_id", "position");

-- CreateIndex
CREATE INDEX "outbox_message_sent_conversation_id_idx" ON "outbox_message"("sent_conversation_id");

-- AddForeignKey
ALTER TABLE "board_thread" ADD CONSTRAINT "board_thread_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_commentary" ADD CONSTRAINT "board_commentary_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "board_thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_plan" ADD CONSTRAINT "action_plan_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_plan_version" ADD CONSTRAINT "action_plan_version_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "action_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "action_plan_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the Board's commentary is a record of what was said, like values and narratives.
CREATE TRIGGER "board_commentary_append_only"
    BEFORE UPDATE ON "board_commentary"
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
