-- CreateEnum
CREATE TYPE "LikelyToRecover" AS ENUM ('YES', 'NO', 'UNSURE');

-- CreateEnum
CREATE TYPE "ConversationKind" AS ENUM ('PERSONAL', 'CHANNEL', 'GROUP');

-- CreateTable
CREATE TABLE "value_narrative" (
    "id" TEXT NOT NULL,
    "value_id" TEXT NOT NULL,
    "remedial_action" TEXT NOT NULL,
    "likely_to_recover" "LikelyToRecover" NOT NULL,
    "recovery_period" TEXT NOT NULL,
    "entered_by_id" TEXT NOT NULL,
    "entered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "value_narrative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation" (
    "id" TEXT NOT NULL,
    "kind" "ConversationKind" NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "service_url" TEXT NOT NULL,
    "tenant_id" TEXT,
    "bot_id" TEXT NOT NULL,
    "teams_user_id" TEXT,
    "aad_object_id" TEXT,
    "person_id" TEXT,
    "team_id" TEXT,
    "channel_id" TEXT,
    "installed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "uninstalled_at" TIMESTAMP(3),

    CONSTRAINT "conversation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "value_narrative_value_id_idx" ON "value_narrative"("value_id");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_conversation_id_key" ON "conversation"("conversation_id");

-- CreateIndex
CREATE INDEX "conversation_person_id_idx" ON "conversation"("person_id");

-- CreateIndex
CREATE INDEX "conversation_aad_object_id_idx" ON "conversation"("aad_object_id");

-- AddForeignKey
ALTER TABLE "value_narrative" ADD CONSTRAINT "value_narrative_value_id_fkey" FOREIGN KEY ("value_id") REFERENCES "indicator_value"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "value_narrative" ADD CONSTRAINT "value_narrative_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: narratives are append-only, like the values they explain.
CREATE TRIGGER "value_narrative_append_only"
    BEFORE UPDATE ON "value_narrative"
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
