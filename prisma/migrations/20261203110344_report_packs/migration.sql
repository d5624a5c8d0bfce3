-- CreateTable
CREATE TABLE "report_pack" (
    "id" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "edition" TEXT NOT NULL,
    "generated_at" TIMESTAMP(3) NOT NULL,
    "generated_by_id" TEXT,

    CONSTRAINT "report_pack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_pack_file" (
    "id" TEXT NOT NULL,
    "pack_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "report_pack_file_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_pack_quarter_generated_at_idx" ON "report_pack"("quarter", "generated_at");

-- CreateIndex
CREATE UNIQUE INDEX "report_pack_file_pack_id_name_key" ON "report_pack_file"("pack_id", "name");

-- AddForeignKey
ALTER TABLE "report_pack" ADD CONSTRAINT "report_pack_generated_by_id_fkey" FOREIGN KEY ("generated_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_pack_file" ADD CONSTRAINT "report_pack_file_pack_id_fkey" FOREIGN KEY ("pack_id") REFERENCES "report_pack"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: report packs are append-only, like the audit log. Every generation is kept as it
-- was made, so the pack that went to a committee can be fetched again unchanged, even after a bug.
CREATE TRIGGER "report_pack_append_only"
    BEFORE UPDATE OR DELETE ON "report_pack"
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();

CREATE TRIGGER "report_pack_file_append_only"
    BEFORE UPDATE OR DELETE ON "report_pack_file"
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
