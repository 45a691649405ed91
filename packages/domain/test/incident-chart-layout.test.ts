import { describe, expect, it } from 'vitest';
import {
  contactKinds,
  layoutContactChart,
  orderLabel,
  textWidthEm,
  validateChart,
  detailMessage,
  wrapText,
  type ChartLayout,
  type ChartLayoutOptions,
  type ChartPoint,
  type ContactChartContent,
  type ContactEdge,
  type ContactEntry,
  type ContactKind,
} from '../src/index.js';

function entry(key: string, kind: ContactKind, name: string, organization = '', phone = ''): ContactEntry {
  return { key, kind, name, organization, role: '', phone, email: '', hours: '', notes: '', vendorName: '' };
}
const edge = (from: string, to: string, order = 1): ContactEdge => ({ from, to, order, note: '' });

/** A small clinic's chart, with a cycle (the vendor reports back) and one unconnected entry. */
const clinic: ContactChartContent = {
  entries: [
    entry('staff', 'department', '発見した職員'),
    entry('it', 'it', 'システム担当 佐藤', '', '内線 201'),
    entry('dir', 'director', '院長 山田太郎', 'さくら歯科医院', '090-1234-5678'),
    entry('vendor', 'vendor', '株式会社メディカルシステムズ サポートセンター', '電子カルテ保守窓口（24時間受付）', '0120-000-000'),
    entry('police', 'police', '〇〇県警察 サイバー犯罪相談窓口', '', '03-0000-0000'),
    entry('mhlw', 'ministry', '厚生労働省', '医政局 特定医薬品開発支援・医療情報担当参事官室', '03-6812-7837'),
    entry('lonely', 'expert', 'Security Consultant John Smith', 'Example Security Co., Ltd.', '+81-3-0000-0000'),
  ],
  edges: [edge('staff', 'it'), edge('it', 'dir'), edge('it', 'vendor', 2), edge('dir', 'mhlw'), edge('dir', 'police', 2), edge('vendor', 'it')],
  note: '',
};

/** A seeded pseudo-random chart: `n` entries of every kind, `m` edges (possibly with cycles). */
function randomChart(seed: number, n: number, m: number): ContactChartContent {
  let s = seed >>> 0;
  const r = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const names = [
    '院長',
    '事務長 鈴木',
    'システム担当',
    '看護師長',
    '株式会社メディカル',
    '警察',
    '厚生労働省',
    'Security Co.',
    '外部有識者 田中先生',
    'A very long English vendor name Incorporated',
  ];
  const entries = Array.from({ length: n }, (_, i) =>
    entry(
      `k${i}`,
      contactKinds[Math.floor(r() * contactKinds.length)]!,
      `${names[Math.floor(r() * names.length)]}${i}`,
      r() < 0.5 ? '組織名がここに入ります' : '',
      r() < 0.7 ? '03-1234-5678' : '',
    ),
  );
  const edges: ContactEdge[] = [];
  const pairs = new Set<string>();
  while (edges.length < m) {
    const a = Math.floor(r() * n);
    const b = Math.floor(r() * n);
    if (a === b || pairs.has(`${a}-${b}`)) continue;
    pairs.add(`${a}-${b}`);
    edges.push(edge(`k${a}`, `k${b}`, 1 + Math.floor(r() * 5)));
  }
  return { entries, edges, note: '' };
}

const EPS = 0.25;

function onBoundary(p: ChartPoint, box: { x: number; y: number; width: number; height: number }): boolean {
  const inX = p.x >= box.x - EPS && p.x <= box.x + box.width + EPS;
  const inY = p.y >= box.y - EPS && p.y <= box.y + box.height + EPS;
  const onVertical = Math.abs(p.x - box.x) <= EPS || Math.abs(p.x - (box.x + box.width)) <= EPS;
  const onHorizontal = Math.abs(p.y - box.y) <= EPS || Math.abs(p.y - (box.y + box.height)) <= EPS;
  return inX && inY && (onVertical || onHorizontal);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
}

/** The invariants every layout keeps. */
function checkLayout(content: ContactChartContent, layout: ChartLayout, options: ChartLayoutOptions = {}): void {
  const keys = [...new Set(content.entries.map((e) => e.key))];
  expect(layout.nodes.map((n) => n.key)).toEqual(keys);
  const byKey = new Map(layout.nodes.map((n) => [n.key, n]));
  for (const node of layout.nodes) {
    expect(node.width).toBeGreaterThanOrEqual(options.minWidth ?? 120);
    expect(node.width).toBeLessThanOrEqual(options.maxWidth ?? 240);
    expect(node.height).toBeGreaterThan(0);
    expect(node.lines.length).toBeGreaterThanOrEqual(1);
    expect(node.lines.length).toBeLessThanOrEqual(options.maxLines ?? 3);
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeGreaterThanOrEqual(0);
    expect(node.x + node.width).toBeLessThanOrEqual(layout.width + EPS);
    expect(node.y + node.height).toBeLessThanOrEqual(layout.height + EPS);
  }
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      const a = layout.nodes[i]!;
      const b = layout.nodes[j]!;
      expect(overlaps(a, b), `${a.key} overlaps ${b.key}`).toBe(false);
    }
  }
  for (const e of layout.edges) {
    expect(e.points.length).toBeGreaterThanOrEqual(2);
    expect(onBoundary(e.points[0]!, byKey.get(e.from)!), `${e.from}→${e.to} starts on ${e.from}`).toBe(true);
    expect(onBoundary(e.points[e.points.length - 1]!, byKey.get(e.to)!), `${e.from}→${e.to} ends on ${e.to}`).toBe(true);
    expect(e.label).toBe(orderLabel(e.order));
    expect(Number.isFinite(e.labelPosition.x) && Number.isFinite(e.labelPosition.y)).toBe(true);
  }
  for (const group of layout.groups) {
    for (const node of layout.nodes.filter((n) => n.side === group.side)) {
      expect(node.x).toBeGreaterThanOrEqual(group.x - EPS);
      expect(node.y).toBeGreaterThanOrEqual(group.y - EPS);
      expect(node.x + node.width).toBeLessThanOrEqual(group.x + group.width + EPS);
      expect(node.y + node.height).toBeLessThanOrEqual(group.y + group.height + EPS);
    }
    for (const node of layout.nodes.filter((n) => n.side !== group.side))
      expect(overlaps(node, group), `${node.key} inside the ${group.side} frame`).toBe(false);
  }
  if (layout.groups.length === 2) expect(overlaps(layout.groups[0]!, layout.groups[1]!)).toBe(false);
}

describe('layoutContactChart', () => {
  it('places every entry, connected or not, with sides and wrapped text', () => {
    const layout = layoutContactChart(clinic);
    checkLayout(clinic, layout);
    const node = (key: string) => layout.nodes.find((n) => n.key === key)!;
    expect(node('lonely').side).toBe('external');
    expect(node('dir').side).toBe('internal');
    expect(node('mhlw')).toMatchObject({ kind: 'ministry', side: 'external' });
    expect(node('dir').lines).toEqual(['院長 山田太郎', 'さくら歯科医院', '090-1234-5678']);
    expect(node('staff').lines).toEqual(['発見した職員']);
    // Too long for the box: shortened with an ellipsis, the phone keeps its line.
    expect(node('mhlw').lines[0]).toBe('厚生労働省');
    expect(node('mhlw').lines[1]!.endsWith('…')).toBe(true);
    expect(node('mhlw').lines[2]).toBe('03-6812-7837');
    expect(layout.edges.map((e) => [e.from, e.to, e.label])).toEqual([
      ['staff', 'it', '①'],
      ['it', 'dir', '①'],
      ['it', 'vendor', '②'],
      ['dir', 'mhlw', '①'],
      ['dir', 'police', '②'],
      ['vendor', 'it', '①'],
    ]);
    expect(layout.groups.map((g) => g.side).sort()).toEqual(['external', 'internal']);
  });

  it('lays out top to bottom: who calls sits above whom they call', () => {
    const layout = layoutContactChart(clinic);
    const y = (key: string) => layout.nodes.find((n) => n.key === key)!.y;
    expect(y('staff')).toBeLessThan(y('it'));
    expect(y('it')).toBeLessThan(y('dir'));
    expect(y('dir')).toBeLessThan(y('mhlw'));
  });

  it('is deterministic for the same input', () => {
    const a = layoutContactChart(clinic);
    const b = layoutContactChart(structuredClone(clinic));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const big = randomChart(7, 40, 60);
    expect(JSON.stringify(layoutContactChart(big))).toBe(JSON.stringify(layoutContactChart(structuredClone(big))));
  });

  it('ignores edges to unknown keys, self-edges and repeated pairs, and duplicate keys', () => {
    const content: ContactChartContent = {
      entries: [entry('a', 'director', '院長'), entry('b', 'vendor', '事業者'), entry('a', 'it', '重複')],
      edges: [edge('a', 'b'), edge('a', 'ghost'), edge('ghost', 'b'), edge('a', 'a'), edge('a', 'b', 2)],
      note: '',
    };
    const layout = layoutContactChart(content);
    checkLayout(content, layout);
    expect(layout.nodes.map((n) => [n.key, n.lines[0]])).toEqual([
      ['a', '院長'],
      ['b', '事業者'],
    ]);
    expect(layout.edges.map((e) => [e.from, e.to, e.order])).toEqual([['a', 'b', 1]]);
  });

  it('handles an empty chart, a single entry and only one side', () => {
    expect(layoutContactChart({ entries: [], edges: [], note: '' })).toMatchObject({ nodes: [], edges: [], groups: [] });
    const one: ContactChartContent = { entries: [entry('a', 'ministry', '厚生労働省')], edges: [], note: '' };
    const layout = layoutContactChart(one);
    checkLayout(one, layout);
    expect(layout.groups.map((g) => g.side)).toEqual(['external']);
  });

  it('keeps the invariants on random charts, with and without frames', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const content = randomChart(seed, 25, 35);
      checkLayout(content, layoutContactChart(content));
      const options = { groupBySide: false, fontSize: 12, minWidth: 100, maxWidth: 200, maxLines: 2 };
      const flat = layoutContactChart(content, options);
      checkLayout(content, flat, options);
      expect(flat.groups).toEqual([]);
    }
  });

  it('puts the internal contacts on the left when they sit side by side with external ones', () => {
    for (const seed of [11, 12, 13]) {
      const content = randomChart(seed, 12, 0);
      for (const groupBySide of [true, false]) {
        const layout = layoutContactChart(content, { groupBySide });
        const mean = (side: string) => {
          const xs = layout.nodes.filter((n) => n.side === side).map((n) => n.x + n.width / 2);
          return xs.reduce((s, x) => s + x, 0) / xs.length;
        };
        if (layout.nodes.some((n) => n.side === 'internal') && layout.nodes.some((n) => n.side === 'external'))
          expect(mean('internal')).toBeLessThanOrEqual(mean('external'));
      }
    }
  });

  it('lays out a chart as large as the schema allows in reasonable time', { timeout: 20_000 }, () => {
    // Tree-like, as contact charts are: each entry called by one of the 8 before it, plus short extra arrows.
    let s = 5;
    const r = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    const entries = Array.from({ length: 200 }, (_, i) => entry(`k${i}`, i % 3 === 0 ? 'director' : 'vendor', `連絡先${i}`, '組織', '03-0000-0000'));
    const edges: ContactEdge[] = [];
    const pairs = new Set<string>();
    for (let i = 1; i < 200; i++) {
      const from = Math.max(0, i - 8) + Math.floor(r() * Math.min(i, 8));
      pairs.add(`${from}-${i}`);
      edges.push(edge(`k${from}`, `k${i}`));
    }
    while (edges.length < 500) {
      const a = Math.floor(r() * 200);
      const b = Math.min(199, a + 1 + Math.floor(r() * 10));
      if (a === b || pairs.has(`${a}-${b}`)) continue;
      pairs.add(`${a}-${b}`);
      edges.push(edge(`k${a}`, `k${b}`, 2));
    }
    const content: ContactChartContent = { entries, edges, note: '' };
    const started = performance.now();
    const layout = layoutContactChart(content);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(layout.nodes).toHaveLength(200);
    expect(layout.edges).toHaveLength(500);
  });
});

describe('box text', () => {
  it('measures CJK as 1em and Latin as 0.55em', () => {
    expect(textWidthEm('厚生労働省')).toBe(5);
    expect(textWidthEm('abcd')).toBeCloseTo(2.2);
    expect(textWidthEm('①')).toBe(1);
  });

  it('wraps Japanese between characters and Latin between words, keeping punctuation with its word', () => {
    expect(wrapText('あいうえおかきくけこ', 4)).toEqual(['あいうえ', 'おかきく', 'けこ']);
    expect(wrapText('Example Security Company', 8)).toEqual(['Example', 'Security', 'Company']);
    expect(wrapText('Example Security Company', 9)).toEqual(['Example Security', 'Company']);
    // In Japanese a space is the better break when it leaves the line at least half full.
    expect(wrapText('院長 山田太郎', 4)).toEqual(['院長', '山田太郎']);
    expect(wrapText('とても長い名前の病院 本院', 8)).toEqual(['とても長い名前の', '病院 本院']);
    // 「。」 never starts a line; 「（」 never ends one.
    expect(wrapText('あいう。えお', 3)).toEqual(['あい', 'う。え', 'お']);
    expect(wrapText('あいう（え）', 4)).toEqual(['あいう', '（え）']);
    // A word longer than a line is cut.
    expect(wrapText('abcdefghijklmnop', 4).every((l) => textWidthEm(l) <= 4)).toBe(true);
  });

  it('wraps a long name onto a second line when there is room', () => {
    const content: ContactChartContent = {
      entries: [entry('a', 'vendor', '株式会社メディカルシステムズ サポートセンター', '', '0120-000-000')],
      edges: [],
      note: '',
    };
    const [node] = layoutContactChart(content).nodes;
    expect(node!.lines).toEqual(['株式会社メディカルシステムズ', 'サポートセンター', '0120-000-000']);
    expect(node!.width).toBe(14 * 14 + 2 * 10);
    const short = layoutContactChart({ entries: [entry('b', 'police', '警察')], edges: [], note: '' }).nodes[0]!;
    expect(short.width).toBe(120);
    expect(short.height).toBeLessThan(node!.height);
  });

  it('labels orders ①…⑳, then plain numbers', () => {
    expect([1, 2, 10, 20, 21, 99].map(orderLabel)).toEqual(['①', '②', '⑩', '⑳', '21', '99']);
  });
});

describe('validateChart', () => {
  it('accepts a sound chart', () => {
    expect(validateChart(clinic)).toEqual([]);
  });

  it('names the entries in plain Japanese', () => {
    const content: ContactChartContent = {
      entries: [
        entry('dir', 'director', '院長'),
        entry('v', 'vendor', '○○メディカル'),
        entry('dir', 'director', '院長'),
        entry('x', 'it', '担当A'),
        entry('x', 'it', '担当B'),
      ],
      edges: [edge('dir', 'v'), edge('dir', 'ghost'), edge('nobody', 'v'), edge('v', 'v'), edge('dir', 'v', 2), edge('dir', 'v', 3)],
      note: '',
    };
    const issues = validateChart(content);
    expect(issues.map((i) => ({ path: i.path, message: detailMessage(i.code, 'ja', i.params) }))).toEqual([
      { path: 'entries.2.key', message: '連絡先「院長」が2回あります' },
      { path: 'entries.4.key', message: '連絡先「担当A / 担当B」が同じ識別キー（x）になっています' },
      { path: 'edges.1.to', message: '「院長」から連絡する相手（ghost）が連絡先にありません' },
      { path: 'edges.2.from', message: '「○○メディカル」へ連絡する人（nobody）が連絡先にありません' },
      { path: 'edges.3', message: '「○○メディカル」から「○○メディカル」自身へ連絡する線になっています' },
      { path: 'edges.4', message: '「院長」から「○○メディカル」への連絡が3回あります' },
    ]);
    expect(detailMessage(issues[5]!.code, 'en', issues[5]!.params)).toBe('The call from "院長" to "○○メディカル" appears 3 times');
  });
});
