-- CreateEnum
CREATE TYPE "VerificationDecision" AS ENUM ('VERIFIED', 'QUERIED', 'CONFIRMED_BY_OWNER');

-- CreateTable
CREATE TABLE "value_verification" (
    "id" TEXT NOT NULL,
    "value_id" TEXT NOT NULL,
    "decision" "VerificationDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "decided_by_id" TEXT NOT NULL,
    "decided_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "value_verification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "value_verification_value_id_decided_at_idx" ON "value_verification"("value_id", "decided_at");

-- AddForeignKey
ALTER TABLE "value_verification" ADD CONSTRAINT "value_verification_value_id_fkey" FOREIGN KEY ("value_id") REFERENCES "indicator_value"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "value_verification" ADD CONSTRAINT "value_verification_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: verifications are append-only, like the values they belong to and the audit log.
CREATE TRIGGER "value_verification_append_only"
    BEFORE UPDATE OR DELETE ON "value_verification"
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
