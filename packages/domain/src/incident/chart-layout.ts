import { Graph as DagreGraph, layout as dagreLayout } from '@dagrejs/dagre';
import { isInternalContact, type ContactChartContent, type ContactEntry, type ContactKind } from './model.js';
import type { DetailCode, DetailParams } from '../detail-messages.js';

/*
 * The contact chart (連絡体制図) as boxes and arrows, laid out top to bottom by dagre: the same plain data feeds the web
 * (SVG) and the printed chart (PDF), so both show one picture. Box sizes are estimated from the text (no font metrics in
 * the domain): CJK characters ≈ 1em, Latin ≈ 0.55em. Deterministic for the same input (dagre has no randomness; nodes
 * and edges are added in input order; coordinates are rounded to 0.1).
 */

export type ContactSide = 'internal' | 'external';

export interface ChartLayoutOptions {
  /** Font size of the box text, in the layout's units (px / pt). Default 14. */
  fontSize?: number;
  /** Distance between the baselines of two lines. Default 1.4 × fontSize. */
  lineHeight?: number;
  /** Space between the text and the box's border. Defaults 10 and 8. */
  paddingX?: number;
  paddingY?: number;
  /** Box width limits; text wider than maxWidth wraps. Defaults 120 and 240. */
  minWidth?: number;
  maxWidth?: number;
  /** Lines per box at most (name, organization, phone together). Default 3. */
  maxLines?: number;
  /** Horizontal space between boxes, vertical space between ranks, margin around the chart. Defaults 40, 56, 16. */
  nodeSep?: number;
  rankSep?: number;
  margin?: number;
  /**
   * Put the facility's own people and the outside contacts in two frames (dagre clusters), returned as `groups`.
   * Default true. Either way the internal contacts end up on the left when dagre puts them mostly on the right.
   */
  groupBySide?: boolean;
}

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartLayoutNode {
  key: string;
  kind: ContactKind;
  side: ContactSide;
  /** The box's top-left corner (the chart's origin is its top-left corner, y grows downwards). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text, already wrapped: the name, then the organization (or, without one, the role), then the phone. */
  lines: string[];
}

export interface ChartLayoutEdge {
  from: string;
  to: string;
  order: number;
  /** The order as drawn: ①…⑳, then plain numbers. */
  label: string;
  /** From the border of `from`'s box to the border of `to`'s box (draw the arrow head at the last point). */
  points: ChartPoint[];
  /** The centre of the label. */
  labelPosition: ChartPoint;
}

/** A frame around the internal or the external contacts (with `groupBySide`); its top-left corner and size. */
export interface ChartLayoutGroup {
  side: ContactSide;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  nodes: ChartLayoutNode[];
  edges: ChartLayoutEdge[];
  groups: ChartLayoutGroup[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Text measurement and wrapping

/** East Asian wide characters (and the symbols Japanese fonts draw full width) ≈ 1em; half-width katakana ≈ 0.5em. */
function charEm(cp: number): number {
  if (cp === 0x20) return 0.3;
  if (cp >= 0xff61 && cp <= 0xffdc) return 0.5;
  if (cp >= 0xffe8 && cp <= 0xffee) return 0.5;
  if (cp >= 0x1100 && cp <= 0x115f) return 1;
  if (cp >= 0x2460) return 1;
  return 0.55;
}

/** The estimated width of `text` in ems. */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch.codePointAt(0)!);
  return em;
}

/** Characters a line should not start with, and ones it should not end with (禁則, the common ones). */
const noLineStart = new Set([...'、。，．,.）)」』】〕〉》］]｝}！!？?：:；;ー・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜～']);
const noLineEnd = new Set([...'（(「『【〔〈《［[｛{']);

/** Break units: a Latin word, or one wide character, with the punctuation that must stay with it. */
function breakUnits(text: string): { text: string; spaceBefore: boolean }[] {
  const units: { text: string; spaceBefore: boolean; narrow: boolean }[] = [];
  let space = false;
  let glue = false;
  for (const ch of text) {
    if (/\s/.test(ch)) {
      space = units.length > 0;
      glue = false;
      continue;
    }
    const narrow = charEm(ch.codePointAt(0)!) < 1;
    const last = units[units.length - 1];
    if (last !== undefined && !space && (glue || noLineStart.has(ch) || (narrow && last.narrow))) {
      last.text += ch;
      last.narrow = narrow;
    } else {
      units.push({ text: ch, spaceBefore: space, narrow });
    }
    glue = noLineEnd.has(ch);
    space = false;
  }
  return units;
}

interface LineUnit {
  text: string;
  width: number;
  spaceBefore: boolean;
}

const SPACE_EM = 0.3;

function unitsWidth(units: readonly LineUnit[]): number {
  let width = 0;
  for (let i = 0; i < units.length; i++) width += units[i]!.width + (i > 0 && units[i]!.spaceBefore ? SPACE_EM : 0);
  return width;
}

function joinUnits(units: readonly LineUnit[]): string {
  let line = '';
  for (let i = 0; i < units.length; i++) line += (i > 0 && units[i]!.spaceBefore ? ' ' : '') + units[i]!.text;
  return line;
}

/** Pieces of `text` at most `maxEm` wide, cut between characters. */
function cutText(text: string, maxEm: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let width = 0;
  for (const ch of text) {
    const w = charEm(ch.codePointAt(0)!);
    if (piece !== '' && width + w > maxEm) {
      pieces.push(piece);
      piece = '';
      width = 0;
    }
    piece += ch;
    width += w;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Wraps `text` into lines at most `maxEm` wide: Latin between words, Japanese between characters (not before 。）」
 * and the like, not after （「), preferring a space when that leaves the line at least half full
 * (「株式会社メディカルシステムズ サポートセンター」 breaks at the space). A word wider than a line is cut.
 */
export function wrapText(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let line: LineUnit[] = [];
  for (const unit of breakUnits(text.trim())) {
    const width = textWidthEm(unit.text);
    if (width > maxEm) {
      if (line.length > 0) lines.push(joinUnits(line));
      const pieces = cutText(unit.text, maxEm);
      lines.push(...pieces.slice(0, -1));
      const last = pieces[pieces.length - 1]!;
      line = [{ text: last, width: textWidthEm(last), spaceBefore: false }];
      continue;
    }
    const next: LineUnit = { text: unit.text, width, spaceBefore: unit.spaceBefore };
    if (line.length === 0 || unitsWidth([...line, next]) <= maxEm) {
      line.push(next);
      continue;
    }
    // Breaking inside a run of characters (not at a space): move back to the line's last space if there is one.
    let space = -1;
    for (let i = next.spaceBefore ? 0 : line.length - 1; i > 0; i--) {
      if (line[i]!.spaceBefore) {
        space = i;
        break;
      }
    }
    const carried = space > 0 ? [{ ...line[space]!, spaceBefore: false }, ...line.slice(space + 1), next] : [];
    if (space > 0 && unitsWidth(line.slice(0, space)) >= maxEm / 2 && unitsWidth(carried) <= maxEm) {
      lines.push(joinUnits(line.slice(0, space)));
      line = carried;
    } else {
      lines.push(joinUnits(line));
      line = [{ ...next, spaceBefore: false }];
    }
  }
  if (line.length > 0) lines.push(joinUnits(line));
  return lines;
}

/** `line` shortened to fit `maxEm` with a trailing ellipsis. */
function ellipsis(line: string, maxEm: number): string {
  const chars = Array.from(line);
  while (chars.length > 0 && textWidthEm(`${chars.join('')}…`) > maxEm) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** The box text of an entry: up to `maxLines` lines, the name first; the phone always keeps its line. */
function boxText(entry: ContactEntry, maxEm: number, maxLines: number): string[] {
  const texts = [entry.name.trim(), entry.organization.trim() || entry.role.trim(), entry.phone.trim()].filter((t) => t !== '');
  const wrapped = texts.map((t) => wrapText(t, maxEm));
  // Every text gets one line; the lines left over go to the name first, then the organization.
  let spare = Math.max(0, maxLines - wrapped.length);
  const lines: string[] = [];
  for (let i = 0; i < wrapped.length && lines.length < maxLines; i++) {
    const all = wrapped[i]!;
    const isPhone = i === wrapped.length - 1 && entry.phone.trim() !== '' && i > 0;
    const take = isPhone ? 1 : Math.min(all.length, 1 + spare);
    if (!isPhone) spare -= take - 1;
    const kept = all.slice(0, take);
    if (all.length > take) kept[take - 1] = ellipsis(kept[take - 1]!, maxEm);
    lines.push(...kept);
  }
  return lines.slice(0, maxLines);
}

// ---------------------------------------------------------------------------------------------------------------------
// Layout

const CIRCLED_MAX = 20;

/** ①…⑳ for 1–20 (every Japanese font has them), the plain number beyond. */
export function orderLabel(order: number): string {
  return order >= 1 && order <= CIRCLED_MAX ? String.fromCodePoint(0x2460 + order - 1) : String(order);
}

export function sideOf(kind: ContactKind): ContactSide {
  return isInternalContact(kind) ? 'internal' : 'external';
}

/** The subset of dagre's graph this module uses (its shipped types do not resolve under NodeNext). */
interface NodeLabel {
  width: number;
  height: number;
  x: number;
  y: number;
}
interface EdgeLabel {
  width: number;
  height: number;
  labelpos: 'c';
  points?: ChartPoint[];
  x?: number;
  y?: number;
}
interface LayoutGraph {
  setGraph(label: Record<string, unknown>): unknown;
  setDefaultEdgeLabel(fn: () => object): unknown;
  setNode(key: string, label: object): unknown;
  setParent(key: string, parent: string): unknown;
  setEdge(from: string, to: string, label: EdgeLabel): unknown;
  graph(): { width: number; height: number };
  node(key: string): NodeLabel;
  edge(from: string, to: string): EdgeLabel;
}

/** Cluster keys: a colon cannot occur in an entry's key. */
const GROUP_KEYS: Record<ContactSide, string> = { internal: 'group:internal', external: 'group:external' };

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Lays out the chart top to bottom. Every entry is placed, connected or not; an edge whose end is not an entry, a
 * self-edge and a repeated (from, to) are left out (`validateChart` reports them).
 */
export function layoutContactChart(content: ContactChartContent, options: ChartLayoutOptions = {}): ChartLayout {
  const fontSize = options.fontSize ?? 14;
  const lineHeight = options.lineHeight ?? Math.round(fontSize * 1.4 * 10) / 10;
  const paddingX = options.paddingX ?? 10;
  const paddingY = options.paddingY ?? 8;
  const minWidth = options.minWidth ?? 120;
  const maxWidth = Math.max(minWidth, options.maxWidth ?? 240);
  const maxLines = Math.max(1, options.maxLines ?? 3);
  const margin = options.margin ?? 16;
  const groupBySide = options.groupBySide ?? true;

  const graph = new DagreGraph({ compound: groupBySide, multigraph: false });
  const g = graph as unknown as LayoutGraph;
  g.setGraph({ rankdir: 'TB', nodesep: options.nodeSep ?? 40, ranksep: options.rankSep ?? 56, edgesep: 16, marginx: margin, marginy: margin });
  g.setDefaultEdgeLabel(() => ({}));

  const nodes: ChartLayoutNode[] = [];
  const seen = new Set<string>();
  const sides = new Set<ContactSide>();
  const maxEm = (maxWidth - 2 * paddingX) / fontSize;
  for (const entry of content.entries) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    const lines = boxText(entry, maxEm, maxLines);
    let textEm = 0;
    for (const line of lines) textEm = Math.max(textEm, textWidthEm(line));
    const width = round(Math.min(maxWidth, Math.max(minWidth, textEm * fontSize + 2 * paddingX)));
    const height = round(Math.max(1, lines.length) * lineHeight + 2 * paddingY);
    const side = sideOf(entry.kind);
    sides.add(side);
    nodes.push({ key: entry.key, kind: entry.kind, side, x: 0, y: 0, width, height, lines });
    g.setNode(entry.key, { width, height });
  }
  if (groupBySide) {
    for (const side of ['internal', 'external'] as const) {
      if (!sides.has(side)) continue;
      g.setNode(GROUP_KEYS[side], {});
      for (const node of nodes) if (node.side === side) g.setParent(node.key, GROUP_KEYS[side]);
    }
  }

  const labelSize = round(fontSize * 1.3);
  const kept: { from: string; to: string; order: number }[] = [];
  const pairs = new Set<string>();
  for (const edge of content.edges) {
    if (edge.from === edge.to || !seen.has(edge.from) || !seen.has(edge.to)) continue;
    const pair = `${edge.from}\u0000${edge.to}`;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    kept.push({ from: edge.from, to: edge.to, order: edge.order });
    const label = orderLabel(edge.order);
    g.setEdge(edge.from, edge.to, { width: round(Math.max(1, textWidthEm(label)) * labelSize), height: labelSize, labelpos: 'c' });
  }

  if (nodes.length === 0) return { width: 2 * margin, height: 2 * margin, nodes: [], edges: [], groups: [] };
  dagreLayout(graph);

  const size = g.graph();
  const width = round(size.width);
  const height = round(size.height);
  // Internal contacts on the left: mirror the picture when dagre put them mostly on the right.
  let internalX = 0;
  let internalN = 0;
  let externalX = 0;
  let externalN = 0;
  for (const node of nodes) {
    const x = g.node(node.key).x;
    if (node.side === 'internal') {
      internalX += x;
      internalN++;
    } else {
      externalX += x;
      externalN++;
    }
  }
  const mirror = internalN > 0 && externalN > 0 && internalX / internalN > externalX / externalN;
  const fx = (x: number) => round(mirror ? size.width - x : x);

  for (const node of nodes) {
    const placed = g.node(node.key);
    node.x = round(fx(placed.x) - node.width / 2);
    node.y = round(placed.y - node.height / 2);
  }
  const groups: ChartLayoutGroup[] = [];
  if (groupBySide) {
    for (const side of ['internal', 'external'] as const) {
      if (!sides.has(side)) continue;
      const box = g.node(GROUP_KEYS[side]);
      groups.push({ side, x: round(fx(box.x) - box.width / 2), y: round(box.y - box.height / 2), width: round(box.width), height: round(box.height) });
    }
  }
  const edges: ChartLayoutEdge[] = kept.map((edge) => {
    const placed = g.edge(edge.from, edge.to);
    const points = (placed.points ?? []).map((p) => ({ x: fx(p.x), y: round(p.y) }));
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    const labelPosition = placed.x !== undefined && placed.y !== undefined ? { x: fx(placed.x), y: round(placed.y) } : middle;
    return { from: edge.from, to: edge.to, order: edge.order, label: orderLabel(edge.order), points, labelPosition };
  });
  return { width, height, nodes, edges, groups };
}

// ---------------------------------------------------------------------------------------------------------------------
// Validation

export interface ChartIssue {
  /** Where in the content: `entries.3.key`, `edges.0.to`. */
  path: string;
  code: DetailCode;
  params: DetailParams;
}

/**
 * What is wrong with a chart's structure, in plain Japanese naming the entries: a key used twice, an arrow to or from a
 * key that is no entry, an arrow from an entry to itself, the same arrow twice. Empty when the chart is fine.
 */
export function validateChart(content: ContactChartContent): ChartIssue[] {
  const issues: ChartIssue[] = [];
  const byKey = new Map<string, ContactEntry[]>();
  for (const entry of content.entries) {
    const same = byKey.get(entry.key);
    if (same === undefined) byKey.set(entry.key, [entry]);
    else same.push(entry);
  }
  // A repeated key is reported once, at its second entry, with how often it occurs.
  content.entries.forEach((entry, i) => {
    const same = byKey.get(entry.key)!;
    if (same.length < 2 || same[1] !== entry) return;
    const names = [...new Set(same.map((e) => e.name.trim()))];
    const path = `entries.${i}.key`;
    if (names.length === 1) issues.push({ path, code: 'chart_entry_repeated', params: { name: names[0]!, count: same.length } });
    else issues.push({ path, code: 'chart_entries_share_key', params: { names: names.join(' / '), key: entry.key } });
  });
  const nameOf = (key: string) => byKey.get(key)?.[0]?.name.trim() ?? key;

  const pairCounts = new Map<string, number>();
  for (const edge of content.edges) {
    const pair = `${edge.from}\u0000${edge.to}`;
    pairCounts.set(pair, (pairCounts.get(pair) ?? 0) + 1);
  }
  const reported = new Set<string>();
  const pairsSeen = new Set<string>();
  content.edges.forEach((edge, i) => {
    if (!byKey.has(edge.from)) issues.push({ path: `edges.${i}.from`, code: 'chart_caller_missing', params: { to: nameOf(edge.to), key: edge.from } });
    if (!byKey.has(edge.to)) issues.push({ path: `edges.${i}.to`, code: 'chart_callee_missing', params: { from: nameOf(edge.from), key: edge.to } });
    if (edge.from === edge.to) {
      issues.push({ path: `edges.${i}`, code: 'chart_self_edge', params: { name: nameOf(edge.from) } });
      return;
    }
    // A repeated arrow is reported once, at its second occurrence.
    const pair = `${edge.from}\u0000${edge.to}`;
    if (!pairsSeen.has(pair)) {
      pairsSeen.add(pair);
      return;
    }
    if (reported.has(pair)) return;
    reported.add(pair);
    issues.push({ path: `edges.${i}`, code: 'chart_edge_repeated', params: { from: nameOf(edge.from), to: nameOf(edge.to), count: pairCounts.get(pair)! } });
  });
  return issues;
}
