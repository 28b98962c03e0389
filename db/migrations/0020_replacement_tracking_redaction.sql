-- Hand-written (docs/decisions/030-exchange-stock.md, 018-personal-data.md).
-- The replacement's tracking number (ship_replacement events, changes.replacementTrackingNo) is
-- personal data like the return's: the redaction exception of return_events' append-only guard
-- (0012) now removes both members, and nothing else, when an event's personal fields are erased.
CREATE OR REPLACE FUNCTION return_events_refuse_change() RETURNS trigger AS $$
DECLARE
  expected return_events;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL AND NEW.sealed IS NOT NULL THEN
    expected := OLD;
    expected.comment := NULL;
    expected.changes := OLD.changes - 'returnTrackingNo' - 'replacementTrackingNo';
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
