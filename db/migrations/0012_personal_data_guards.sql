-- Hand-written (docs/decisions/018-personal-data.md).
-- 1. The history stays append-only, with one exception: erasing an event's personal fields after
--    retention. Allowed only as a whole: comment to NULL, the personal members of `changes`
--    (PERSONAL_CHANGE_KEYS in server/domain/history.ts) removed, redacted_at and the digests in
--    `sealed` set once, every other column as it was. The hash covers the digests, so a wrong
--    digest or any other change still fails verification.
CREATE OR REPLACE FUNCTION return_events_refuse_change() RETURNS trigger AS $$
DECLARE
  expected return_events;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL AND NEW.sealed IS NOT NULL THEN
    expected := OLD;
    expected.comment := NULL;
    expected.changes := OLD.changes - 'returnTrackingNo';
    expected.redacted_at := NEW.redacted_at;
    expected.sealed := NEW.sealed;
    IF NEW IS NOT DISTINCT FROM expected THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'return_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- 2. The personal-data access log is append-only like the history: a reveal cannot be unrecorded.
CREATE OR REPLACE FUNCTION contact_reveals_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'contact_reveals is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contact_reveals_no_update_delete
  BEFORE UPDATE OR DELETE ON contact_reveals
  FOR EACH ROW EXECUTE FUNCTION contact_reveals_refuse_change();
--> statement-breakpoint
CREATE TRIGGER contact_reveals_no_truncate
  BEFORE TRUNCATE ON contact_reveals
  FOR EACH STATEMENT EXECUTE FUNCTION contact_reveals_refuse_change();
