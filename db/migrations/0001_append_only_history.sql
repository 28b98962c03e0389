-- The history of a request is append-only: the database itself refuses to change or remove it.
CREATE OR REPLACE FUNCTION return_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'return_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER return_events_no_update_delete
  BEFORE UPDATE OR DELETE ON return_events
  FOR EACH ROW EXECUTE FUNCTION return_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER return_events_no_truncate
  BEFORE TRUNCATE ON return_events
  FOR EACH STATEMENT EXECUTE FUNCTION return_events_refuse_change();
