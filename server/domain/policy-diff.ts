import type { ApprovalPolicy, PolicyRule } from "./policy";

/**
 * What changed between two policy versions, as data the page words in zh-CN or en. Rules are
 * matched by id (an id is the rule's identity across versions); every other setting is compared
 * leaf by leaf, so a setting added later (e.g. bulkApproveMaxFen) shows up without code here.
 * Arrays of settings (evidence.reasons) are compared whole: one change, not one per element.
 */
export type PolicyValue = string | number | boolean | null | readonly unknown[] | Record<string, unknown>;

export type PolicyChange =
  | { kind: "rule_added"; ruleId: string; rule: PolicyRule }
  | { kind: "rule_removed"; ruleId: string; rule: PolicyRule }
  | { kind: "rule_changed"; ruleId: string; field: string; before: PolicyValue | undefined; after: PolicyValue | undefined }
  | { kind: "rules_reordered"; before: string[]; after: string[] }
  | { kind: "setting_changed"; path: string; before: PolicyValue | undefined; after: PolicyValue | undefined };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Key order does not matter (jsonb reorders keys); array order does. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return a === b;
}

/** Leaves of an object as dotted paths; arrays and scalars are leaves. */
function leaves(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
  return out;
}

function diffLeaves(before: unknown, after: unknown): { path: string; before: PolicyValue | undefined; after: PolicyValue | undefined }[] {
  const a = leaves(before, "", new Map());
  const b = leaves(after, "", new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((p) => !same(a.get(p), b.get(p)))
    .map((p) => ({ path: p, before: a.get(p) as PolicyValue | undefined, after: b.get(p) as PolicyValue | undefined }));
}

export function diffPolicies(before: ApprovalPolicy, after: ApprovalPolicy): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const oldRules = new Map(before.rules.map((r) => [r.id, r]));
  const newRules = new Map(after.rules.map((r) => [r.id, r]));

  for (const rule of after.rules) {
    const old = oldRules.get(rule.id);
    if (!old) {
      changes.push({ kind: "rule_added", ruleId: rule.id, rule });
      continue;
    }
    const { id: _a, ...oldBody } = old;
    const { id: _b, ...newBody } = rule;
    for (const d of diffLeaves(oldBody, newBody)) changes.push({ kind: "rule_changed", ruleId: rule.id, field: d.path, before: d.before, after: d.after });
  }
  for (const rule of before.rules) if (!newRules.has(rule.id)) changes.push({ kind: "rule_removed", ruleId: rule.id, rule });

  // Order matters only for which rule is listed first in matchedRules; still worth saying.
  const keptBefore = before.rules.map((r) => r.id).filter((id) => newRules.has(id));
  const keptAfter = after.rules.map((r) => r.id).filter((id) => oldRules.has(id));
  if (!same(keptBefore, keptAfter)) changes.push({ kind: "rules_reordered", before: keptBefore, after: keptAfter });

  const { rules: _r1, ...oldSettings } = before;
  const { rules: _r2, ...newSettings } = after;
  for (const d of diffLeaves(oldSettings, newSettings)) changes.push({ kind: "setting_changed", ...d });
  return changes;
}
