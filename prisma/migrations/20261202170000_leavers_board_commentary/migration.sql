-- Hand-written (no schema change): a leaver's name leaves the Performance Board's commentary too.
-- Each reply in an indicator's thread keeps its author's name as Teams gave it (author_name) and
-- their Entra object id; a colleague's reply may name them in its text. Like the audit log, the
-- commentary is append-only, and the one way to change a row is anonymise_commentary_author()
-- below, run by `npm run people:anonymise` in the same transaction as the audit log's rewrite.
-- Rows, ids, threads, Teams message ids, author ids and times stay, so the Board's record still
-- reads in order and a leaver's replies still belong together by author_id.

-- The guard lets an UPDATE through only when it comes from that function (the transaction-local
-- switch it sets) running as the table's owner (SECURITY DEFINER), and it changes nothing but the
-- author's name, their Entra object id and the text. DELETE stays refused by its own trigger.
CREATE FUNCTION "guard_board_commentary"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND current_setting('perfbot.anonymising', true) = 'on'
       AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID)
       AND NEW.id = OLD.id AND NEW.thread_id = OLD.thread_id AND NEW.teams_message_id = OLD.teams_message_id
       AND NEW.author_id IS NOT DISTINCT FROM OLD.author_id
       AND NEW.posted_at = OLD.posted_at AND NEW.created_at = OLD.created_at
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER "board_commentary_append_only" ON "board_commentary";
CREATE TRIGGER "board_commentary_append_only"
    BEFORE UPDATE ON "board_commentary"
    FOR EACH ROW EXECUTE FUNCTION "guard_board_commentary"();

-- The leaver's own replies: author_name becomes the placeholder and their Entra object id is
-- cleared. Every reply: `texts` (their name, email and Entra id as they were) replaced by the
-- placeholder wherever they occur in the author's name or the text. Returns how many rows changed.
CREATE FUNCTION "anonymise_commentary_author"(p_person_id text, p_placeholder text, p_texts text[]) RETURNS integer
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    changed integer;
BEGIN
    PERFORM set_config('perfbot.anonymising', 'on', true);
    UPDATE "board_commentary" SET
        author_name = CASE
            WHEN author_id = p_person_id OR author_aad_object_id = ANY(p_texts) THEN p_placeholder
            ELSE "scrub_text"(author_name, p_texts, p_placeholder) END,
        author_aad_object_id = CASE
            WHEN author_id = p_person_id OR author_aad_object_id = ANY(p_texts) THEN NULL
            ELSE author_aad_object_id END,
        "text" = "scrub_text"("text", p_texts, p_placeholder)
    WHERE author_id = p_person_id
       OR author_aad_object_id = ANY(p_texts)
       OR "scrub_text"(author_name, p_texts, p_placeholder) <> author_name
       OR "scrub_text"("text", p_texts, p_placeholder) <> "text";
    GET DIAGNOSTICS changed = ROW_COUNT;
    PERFORM set_config('perfbot.anonymising', 'off', true);
    RETURN changed;
END;
$$ LANGUAGE plpgsql;

-- Only the schema's owner may call it, as with anonymise_audit_actor().
REVOKE ALL ON FUNCTION "anonymise_commentary_author"(text, text, text[]) FROM PUBLIC;
