import type { ContactChartContent, ContactEntry } from './model.js';

export interface CallingStep {
  entry: ContactEntry;
  /** The key of whoever calls this contact (the first edge that reaches it); null for where the chain starts. */
  calledByKey: string | null;
  order: number;
}

/**
 * The chart as a list of calls, in the order they happen: starting from the contacts nobody calls (the
 * person who notices), each contact's calls by their order number, breadth first. Contacts no edge
 * reaches come last, so nobody on the chart is left off the list.
 */
export function callingOrder(chart: ContactChartContent): CallingStep[] {
  const byKey = new Map(chart.entries.map((e) => [e.key, e]));
  const outgoing = new Map<string, { to: string; order: number }[]>();
  const called = new Set<string>();
  for (const edge of chart.edges) {
    if (!byKey.has(edge.from) || !byKey.has(edge.to)) continue;
    (outgoing.get(edge.from) ?? outgoing.set(edge.from, []).get(edge.from)!).push({ to: edge.to, order: edge.order });
    called.add(edge.to);
  }
  for (const list of outgoing.values()) list.sort((a, b) => a.order - b.order);

  const steps: CallingStep[] = [];
  const seen = new Set<string>();
  const visit = (key: string, calledByKey: string | null) => {
    if (seen.has(key)) return;
    seen.add(key);
    steps.push({ entry: byKey.get(key)!, calledByKey, order: steps.length + 1 });
  };
  const queue: string[] = [];
  for (const entry of chart.entries) {
    if (called.has(entry.key)) continue;
    visit(entry.key, null);
    queue.push(entry.key);
  }
  while (queue.length) {
    const from = queue.shift()!;
    for (const { to } of outgoing.get(from) ?? []) {
      if (seen.has(to)) continue;
      visit(to, from);
      queue.push(to);
    }
  }
  for (const entry of chart.entries) visit(entry.key, null);
  return steps;
}
