-- Requests submitted before 0003 get their newest event's seq and hash, so their next step
-- chains onto it (see return_requests.last_event_seq). Reads return_events only: its
-- append-only trigger is not involved.
UPDATE "return_requests" AS r
SET "last_event_seq" = e."seq", "last_event_hash" = e."hash"
FROM (
  SELECT DISTINCT ON ("request_id") "request_id", "seq", "hash"
  FROM "return_events"
  ORDER BY "request_id", "seq" DESC
) AS e
WHERE e."request_id" = r."id";
