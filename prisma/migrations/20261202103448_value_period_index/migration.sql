-- CreateIndex
CREATE INDEX "indicator_value_period_idx" ON "indicator_value"("period");
