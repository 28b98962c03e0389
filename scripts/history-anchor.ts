/**
 * `npm run history:anchor` — writes today's anchor of every request's chain head to
 * DATA_DIR/anchors/<YYYY-MM-DD>.json (run it daily, e.g. from cron, and copy the folder somewhere
 * the database's administrators cannot write).
 * `npm run history:verify [file…]` — checks every anchor in DATA_DIR/anchors (or the files named)
 * against the events stored now; exits 1 if an anchor is forged or a chain was rewritten.
 * Both need HISTORY_ANCHOR_KEY (≥ 32 characters), a secret the database does not hold
 * (docs/decisions/017-routing-over-splits-and-provable-history.md).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "../db/client";
import { assertAnchorKey, type HistoryAnchor } from "../server/domain/history-anchor";
import { anchorHistories, checkHistoryAnchor } from "../server/services/history-anchors";
import { openLocalDatabase } from "./local-db";

// Scripts read process.env themselves (server/env.ts is the app's); the key is never stored.
let key: string;
try {
  key = assertAnchorKey(process.env.HISTORY_ANCHOR_KEY);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const dir = path.join(process.env.DATA_DIR ?? ".data", "anchors");
const [command, ...files] = process.argv.slice(2);

const local = await openLocalDatabase();
const { db, sql } = createDb(local.url, { max: 1 });
let failed = false;
try {
  if (command === "anchor") {
    const anchor = await anchorHistories(db, key);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${anchor.day}.json`);
    writeFileSync(file, `${JSON.stringify(anchor, null, 2)}\n`);
    console.log(`anchored ${anchor.heads.length} request histories in ${file} (hmac ${anchor.hmac.slice(0, 16)}…)`);
  } else if (command === "verify") {
    const names = files.length ? files : readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(dir, f));
    if (names.length === 0) console.log(`no anchors in ${dir}`);
    for (const file of names) {
      const anchor = JSON.parse(readFileSync(file, "utf8")) as HistoryAnchor;
      const result = await checkHistoryAnchor(db, anchor, key);
      if (result.ok) console.log(`${file}: ok, ${result.count} chain heads still in place`);
      else {
        failed = true;
        console.error(`${file}: FAILED ${JSON.stringify(result)}`);
      }
    }
  } else {
    console.error("usage: tsx scripts/history-anchor.ts anchor | verify [anchor.json…]");
    failed = true;
  }
} finally {
  await sql.end();
  await local.stop();
}
process.exit(failed ? 1 : 0);
