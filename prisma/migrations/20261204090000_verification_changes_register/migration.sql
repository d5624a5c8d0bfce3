-- A verifier's decision changes how a figure is reported (marked "not yet verified", or held back as
-- awaiting verification under UNVERIFIED_FIGURES=awaiting-verification), so it moves the register's
-- revision on like any other change the Scorecard tab's cached answers are computed from.
CREATE CONSTRAINT TRIGGER "value_verification_changes_register" AFTER INSERT OR UPDATE OR DELETE ON "value_verification"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_register_revision"();
