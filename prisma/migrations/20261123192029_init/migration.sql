-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('KPI', 'PI', 'DATA_ONLY');

-- CreateEnum
CREATE TYPE "Unit" AS ENUM ('PERCENT', 'NUMBER', 'CURRENCY', 'DAYS', 'MINUTES', 'RATE', 'RATIO');

-- CreateEnum
CREATE TYPE "Polarity" AS ENUM ('HIGHER', 'LOWER', 'GOALPOST');

-- CreateEnum
CREATE TYPE "Frequency" AS ENUM ('MONTHLY', 'QUARTERLY', 'ANNUAL');

-- CreateEnum
CREATE TYPE "Aggregation" AS ENUM ('CUMULATIVE', 'SUM', 'AVERAGE', 'SNAPSHOT', 'ROLLING12');

-- CreateEnum
CREATE TYPE "Lens" AS ENUM ('PEOPLE', 'FINANCE', 'CUSTOMERS', 'ENVIRONMENT', 'SERVICES');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'DELEGATE', 'VERIFIER', 'DIRECTOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "ToleranceKind" AS ENUM ('ABSOLUTE', 'PERCENT_OF_TARGET');

-- CreateEnum
CREATE TYPE "ValueSource" AS ENUM ('CARD', 'IMPORT', 'DEMO', 'ADMIN');

-- CreateTable
CREATE TABLE "person" (
    "id" TEXT NOT NULL,
    "aad_object_id" TEXT,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_role" (
    "person_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,

    CONSTRAINT "person_role_pkey" PRIMARY KEY ("person_id","role")
);

-- CreateTable
CREATE TABLE "directorate" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "director_id" TEXT,

    CONSTRAINT "directorate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "directorate_id" TEXT NOT NULL,

    CONSTRAINT "service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "priority" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "priority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "kind" "IndicatorKind" NOT NULL,
    "unit" "Unit" NOT NULL,
    "decimals" INTEGER NOT NULL DEFAULT 0,
    "polarity" "Polarity" NOT NULL,
    "frequency" "Frequency" NOT NULL,
    "aggregation" "Aggregation" NOT NULL,
    "lens" "Lens" NOT NULL,
    "allow_above_hundred" BOOLEAN NOT NULL DEFAULT false,
    "tolerance_kind" "ToleranceKind",
    "tolerance_amount" DECIMAL(18,6),
    "directorate_id" TEXT NOT NULL,
    "service_id" TEXT,
    "priority_id" TEXT,
    "owner_id" TEXT NOT NULL,
    "verifier_id" TEXT,
    "director_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_delegate" (
    "indicator_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,

    CONSTRAINT "indicator_delegate_pkey" PRIMARY KEY ("indicator_id","person_id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" TEXT NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "value" DECIMAL(18,6) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_value" (
    "id" TEXT NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "value" DECIMAL(18,6) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "source" "ValueSource" NOT NULL,
    "entered_by_id" TEXT,
    "entered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reporting_period" (
    "period" TEXT NOT NULL,
    "opened_at" TIMESTAMP(3),
    "deadline" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "reporting_period_pkey" PRIMARY KEY ("period")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "person_aad_object_id_key" ON "person"("aad_object_id");

-- CreateIndex
CREATE UNIQUE INDEX "person_email_key" ON "person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "directorate_name_key" ON "directorate"("name");

-- CreateIndex
CREATE UNIQUE INDEX "service_directorate_id_name_key" ON "service"("directorate_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "priority_code_key" ON "priority"("code");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_code_key" ON "indicator"("code");

-- CreateIndex
CREATE INDEX "indicator_owner_id_idx" ON "indicator"("owner_id");

-- CreateIndex
CREATE INDEX "indicator_directorate_id_idx" ON "indicator"("directorate_id");

-- CreateIndex
CREATE INDEX "target_indicator_id_financial_year_idx" ON "target"("indicator_id", "financial_year");

-- CreateIndex
CREATE UNIQUE INDEX "target_indicator_id_period_key" ON "target"("indicator_id", "period");

-- CreateIndex
CREATE INDEX "indicator_value_indicator_id_financial_year_idx" ON "indicator_value"("indicator_id", "financial_year");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_value_indicator_id_period_version_key" ON "indicator_value"("indicator_id", "period", "version");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- AddForeignKey
ALTER TABLE "person_role" ADD CONSTRAINT "person_role_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directorate" ADD CONSTRAINT "directorate_director_id_fkey" FOREIGN KEY ("director_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service" ADD CONSTRAINT "service_directorate_id_fkey" FOREIGN KEY ("directorate_id") REFERENCES "directorate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_directorate_id_fkey" FOREIGN KEY ("directorate_id") REFERENCES "directorate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_priority_id_fkey" FOREIGN KEY ("priority_id") REFERENCES "priority"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_verifier_id_fkey" FOREIGN KEY ("verifier_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_director_id_fkey" FOREIGN KEY ("director_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_delegate" ADD CONSTRAINT "indicator_delegate_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_delegate" ADD CONSTRAINT "indicator_delegate_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the audit log and value versions are append-only. Rows may be added, never changed
-- or removed, so "who changed what, when" cannot be rewritten after the fact, even by a bug.
CREATE FUNCTION refuse_change_to_append_only_table() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "audit_log_append_only"
    BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();

CREATE TRIGGER "indicator_value_append_only"
    BEFORE UPDATE ON "indicator_value"
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
