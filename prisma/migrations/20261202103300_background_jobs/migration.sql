-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "background_job" (
    "id" TEXT NOT NULL,
    "request_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_by_id" TEXT,
    "trigger" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" JSONB NOT NULL DEFAULT '{}',
    "outcome" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMP(3),
    "card_service_url" TEXT NOT NULL,
    "card_conversation_id" TEXT NOT NULL,
    "card_tenant_id" TEXT,
    "card_activity_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "background_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "background_job_request_key_key" ON "background_job"("request_key");

-- CreateIndex
CREATE INDEX "background_job_status_created_at_idx" ON "background_job"("status", "created_at");
