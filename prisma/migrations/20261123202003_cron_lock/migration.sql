-- CreateTable
CREATE TABLE "cron_lock" (
    "key" TEXT NOT NULL,
    "claimed_by" TEXT NOT NULL,
    "claimed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cron_lock_pkey" PRIMARY KEY ("key")
);
