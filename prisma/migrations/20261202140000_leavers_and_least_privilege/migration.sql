-- Hand-written (no schema change): issue #13, least privilege and leavers.

-- 1. Value versions, narratives and the Board's commentary are append-only against DELETE too, not
--    only UPDATE. No code removes one, and the server's role is granted DELETE on every table
--    (person_role, cron_lock, conversations and delegations need it), so the trigger, not the
--    grant, must say no.
CREATE TRIGGER "indicator_value_no_delete"
    BEFORE DELETE ON "indicator_value"
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
CREATE TRIGGER "value_narrative_no_delete"
    BEFORE DELETE ON "value_narrative"
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
CREATE TRIGGER "board_commentary_no_delete"
    BEFORE DELETE ON "board_commentary"
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();

-- 2. A leaver's name leaves the audit log while the record of who did what stays: the same rows,
--    ids, times, order, actions and actor ids; only actor_label and the name or email inside
--    before/after are replaced by a placeholder. The one way in is anonymise_audit_actor() below,
--    run by `npm run people:anonymise`. The guard lets an UPDATE through only when all of these
--    hold: it comes from that function (the transaction-local switch it sets), it runs as the
--    table's owner (the function is SECURITY DEFINER; a role that can merely set the switch is
--    still refused), and it changes nothing but those three columns. DELETE: never.
CREATE FUNCTION "guard_audit_log"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND current_setting('perfbot.anonymising', true) = 'on'
       AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID)
       AND NEW.id = OLD.id AND NEW.at = OLD.at
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND NEW.action = OLD.action AND NEW.entity_type = OLD.entity_type AND NEW.entity_id = OLD.entity_id
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER "audit_log_append_only" ON "audit_log";
CREATE TRIGGER "audit_log_append_only"
    BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION "guard_audit_log"();

-- `texts` replaced by `placeholder` wherever they occur in a text (exact, case as given).
CREATE FUNCTION "scrub_text"(subject text, texts text[], placeholder text) RETURNS text AS $$
DECLARE
    needle text;
BEGIN
    IF subject IS NULL THEN RETURN NULL; END IF;
    FOREACH needle IN ARRAY texts LOOP
        IF needle <> '' THEN subject := replace(subject, needle, placeholder); END IF;
    END LOOP;
    RETURN subject;
END;
$$ LANGUAGE plpgsql IMMUTABLE;

-- The same inside a JSON document's strings: each text as JSON writes it (quotes and backslashes
-- escaped), so the result is still valid JSON.
CREATE FUNCTION "scrub_json"(doc jsonb, texts text[], placeholder text) RETURNS jsonb AS $$
    SELECT CASE WHEN doc IS NULL THEN NULL ELSE "scrub_text"(
        doc::text,
        ARRAY(SELECT substr(to_jsonb(t)::text, 2, length(to_jsonb(t)::text) - 2) FROM unnest(texts) AS t WHERE t <> ''),
        substr(to_jsonb(placeholder)::text, 2, length(to_jsonb(placeholder)::text) - 2)
    )::jsonb END;
$$ LANGUAGE sql IMMUTABLE;

-- Replaces a leaver's name in the audit log: actor_label of the rows they did, and `texts` (their
-- name and email as they were) wherever else they appear. Returns how many rows changed.
CREATE FUNCTION "anonymise_audit_actor"(p_actor_id text, p_placeholder text, p_texts text[]) RETURNS integer
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    changed integer;
BEGIN
    PERFORM set_config('perfbot.anonymising', 'on', true);
    UPDATE "audit_log" SET
        actor_label = CASE WHEN actor_id = p_actor_id THEN p_placeholder ELSE "scrub_text"(actor_label, p_texts, p_placeholder) END,
        "before" = "scrub_json"("before", p_texts, p_placeholder),
        "after" = "scrub_json"("after", p_texts, p_placeholder)
    WHERE actor_id = p_actor_id
       OR "scrub_text"(actor_label, p_texts, p_placeholder) <> actor_label
       OR "scrub_json"("before", p_texts, p_placeholder) IS DISTINCT FROM "before"
       OR "scrub_json"("after", p_texts, p_placeholder) IS DISTINCT FROM "after";
    GET DIAGNOSTICS changed = ROW_COUNT;
    PERFORM set_config('perfbot.anonymising', 'off', true);
    RETURN changed;
END;
$$ LANGUAGE plpgsql;

-- Only the schema's owner (the role that migrates, and runs people:anonymise) may call it; the
-- server's own role may not, so it cannot rewrite anyone's name in the log.
REVOKE ALL ON FUNCTION "anonymise_audit_actor"(text, text, text[]) FROM PUBLIC;
