-- CreateTable
CREATE TABLE "register_revision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "register_revision_pkey" PRIMARY KEY ("id")
);

-- The one row, and the triggers that move it on. They are deferred constraint triggers, so they run
-- as the writing transaction commits: the row is locked only for the moment of the commit, and an
-- import of 60,000 values does not hold up the figures submitted meanwhile. The first change of a
-- transaction moves it; the rest see the transaction-local mark and return at once.
INSERT INTO "register_revision" ("id", "revision") VALUES (1, 0);

CREATE FUNCTION "bump_register_revision"() RETURNS trigger AS $$
BEGIN
  IF current_setting('perfbot.register_bumped', true) = txid_current()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('perfbot.register_bumped', txid_current()::text, true);
  UPDATE "register_revision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER "indicator_changes_register" AFTER INSERT OR UPDATE OR DELETE ON "indicator"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_register_revision"();
CREATE CONSTRAINT TRIGGER "indicator_delegate_changes_register" AFTER INSERT OR UPDATE OR DELETE ON "indicator_delegate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_register_revision"();
CREATE CONSTRAINT TRIGGER "indicator_value_changes_register" AFTER INSERT OR UPDATE OR DELETE ON "indicator_value"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_register_revision"();
CREATE CONSTRAINT TRIGGER "target_changes_register" AFTER INSERT OR UPDATE OR DELETE ON "target"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_register_revision"();
CREATE CONSTRAINT TRIGGER "reporting_period_changes_register" AFTER INSERT OR UPDATE OR DELETE ON "reporting_period"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_register_revision"();
CREATE CONSTRAINT TRIGGER "person_changes_register" AFTER INSERT OR UPDATE OR DELETE ON "person"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_register_revision"();
CREATE CONSTRAINT TRIGGER "directorate_changes_register" AFTER INSERT OR UPDATE OR DELETE ON "directorate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_register_revision"();
