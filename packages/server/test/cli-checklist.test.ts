import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/mamori.js', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-checklist-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function mamori(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, ...(input ? { input } : {}) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const example = {
  edition: '2023',
  asOf: '2023-12-01',
  facility: { kind: 'clinic', hasVendorContract: true },
  institution: {
    answers: {
      gate: [{ value: 'yes', date: '2023-07-01' }],
      '2(4)@server': [
        { value: 'no', date: '2023-07-01', targetDate: '2024-02-01' },
        { value: 'yes', date: '2024-01-20' },
      ],
    },
  },
  vendors: [{ name: 'A社', excludedItems: ['2(8)@network'], answers: {} }],
  artifacts: { contactChart: true },
};

describe('mamori checklist evaluate', { timeout: 60_000 }, () => {
  it('prints the evaluation of a bundle as JSON', () => {
    const file = path.join(dir, 'bundle.json');
    fs.writeFileSync(file, JSON.stringify(example));
    const result = mamori(['checklist', 'evaluate', '--input', file]);
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.institution.items.find((i: { id: string }) => i.id === '2(4)@server')).toMatchObject({
      requirement: 'required',
      latest: 'yes',
      targetDate: '2024-02-01',
    });
    expect(output.vendors[0].items.find((i: { id: string }) => i.id === '2(8)@network').requirement).toBe('not-needed');
    expect(output.inspection.ready).toBe(false);
    expect(output.inspection.problems).toContainEqual({ form: 'vendor:A社', item: '2(8)@network', code: 'not-covered', severity: 'blocking' });
  });

  it.each([
    ['bad JSON', '{"edition":', /not valid JSON/],
    ['unknown edition', JSON.stringify({ ...example, edition: '2031' }), /edition: unknown edition 2031/],
    ['unknown item', JSON.stringify({ ...example, institution: { answers: { '9(9)': [] } } }), /institution\.answers\.9\(9\): unknown item id/],
    ['bad date', JSON.stringify({ ...example, asOf: '2023-13-01' }), /asOf: date must be YYYY-MM-DD/],
    [
      'bad value',
      JSON.stringify({ ...example, institution: { answers: { gate: [{ value: 'maybe', date: '2023-07-01' }] } } }),
      /institution\.answers\.gate\.0\.value/,
    ],
    // The gate has one answer column on the printed form (issue 11).
    [
      'a second round on the gate',
      JSON.stringify({
        ...example,
        institution: {
          answers: {
            gate: [
              { value: 'yes', date: '2023-07-01' },
              { value: 'yes', date: '2023-08-01' },
            ],
          },
        },
      }),
      /institution\.answers\.gate\.1: item gate has one answer column/,
    ],
  ])('exits 2 on %s, naming the place, and prints no result', (_name, input, message) => {
    const result = mamori(['checklist', 'evaluate', '--input', '-'], input);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('mamori catalog', { timeout: 60_000 }, () => {
  const editions = fileURLToPath(new URL('../../domain/editions', import.meta.url));

  it('validates an edition file and names the broken place of a bad one', () => {
    expect(mamori(['catalog', 'validate', path.join(editions, '2023-institution.json')]).stdout).toContain('OK: 2023 institution (19 items)');
    const broken = JSON.parse(fs.readFileSync(path.join(editions, '2024-institution.json'), 'utf8'));
    broken.items[3].id = '2(1)';
    broken.items[5].requirement = 'sometimes';
    const file = path.join(dir, '2026-institution.json');
    fs.writeFileSync(file, JSON.stringify(broken));
    const result = mamori(['catalog', 'validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('items.5.requirement');
  });

  it('diffs two editions by topic', () => {
    const result = mamori(['catalog', 'diff', '2023', '2024']);
    expect(result.code, result.stderr).toBe(0);
    const institution = JSON.parse(result.stdout).forms.find((f: { form: string }) => f.form === 'institution');
    const terminalAccess = institution.changes.find((c: { topic: string; scope: string }) => c.topic === 'access-rights' && c.scope === 'terminal');
    expect(terminalAccess).toMatchObject({ change: 'changed', from: { requirement: 'reference' }, to: { requirement: 'required' } });
    expect(mamori(['catalog', 'diff', '2024', '2031']).code).toBe(2);
  });
});
