import { randomUUID } from 'node:crypto';
import type { LedgerDefinition } from './definitions.js';

type Values = Record<string, unknown>;

interface PlannedCreate {
  id: string;
  values: Values;
}
interface PlannedUpdate {
  id: string;
  version: number;
  values: Values;
  changes: Record<string, { before: unknown; after: unknown }>;
}
export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
}

/** A blank cell leaves a new record's default (or inherited value) in place rather than writing null over it. */
function withoutBlanks(fields: Values): Values {
  const out: Values = {};
  for (const key in fields) if (fields[key] !== null && fields[key] !== undefined) out[key] = fields[key];
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return false;
}

/**
 * Decides, per imported row, create / update / unchanged against the ledger as it is. Only the fields
 * the file has are compared and written, so a file without 最終ログイン日 leaves those dates alone.
 */
export function planImport(definition: LedgerDefinition, existing: readonly Values[], records: readonly { fields: Values }[]): ImportPlan {
  const byLink = new Map<string, Values>();
  for (const row of existing) byLink.set(definition.linkKey(row), row);
  const inherit = definition.inherited?.(existing);
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0 };
  for (const { fields } of records) {
    const current = byLink.get(definition.linkKey(fields));
    if (!current) {
      plan.creates.push({ id: randomUUID(), values: { ...definition.defaults, ...inherit?.(fields), ...withoutBlanks(fields) } });
      continue;
    }
    const changes: PlannedUpdate['changes'] = {};
    let changed = false;
    for (const key in fields) {
      if (same(current[key], fields[key])) continue;
      changes[key] = { before: current[key] ?? null, after: fields[key] ?? null };
      changed = true;
    }
    if (!changed) {
      plan.unchanged++;
      continue;
    }
    const values: Values = {};
    for (const key of definition.fieldKeys) values[key] = key in fields ? fields[key] : current[key];
    plan.updates.push({ id: current.id as string, version: current.version as number, values, changes });
  }
  return plan;
}
