-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'BLOCKED', 'DEAD');

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "period" TEXT,
    "recipient" TEXT NOT NULL,
    "service_url" TEXT NOT NULL,
    "tenant_id" TEXT,
    "conversation_id" TEXT,
    "teams_user_id" TEXT,
    "channel_id" TEXT,
    "activity" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMP(3),
    "claimed_by" TEXT,
    "last_error" TEXT,
    "sent_at" TIMESTAMP(3),
    "activity_id" TEXT,
    "sent_conversation_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cycle_run" (
    "id" TEXT NOT NULL,
    "run_key" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "instance" TEXT NOT NULL,
    "outcome" JSONB,

    CONSTRAINT "cycle_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_dedupe_key_key" ON "outbox_message"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_message_status_next_attempt_at_idx" ON "outbox_message"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_message_period_purpose_idx" ON "outbox_message"("period", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "cycle_run_run_key_key" ON "cycle_run"("run_key");

-- CreateIndex
CREATE INDEX "cycle_run_period_idx" ON "cycle_run"("period");
