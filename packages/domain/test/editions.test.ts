import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EditionForm } from '../src/checklist/edition-schema.js';

const editionsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'editions');
const files = fs
  .readdirSync(editionsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

const parsed = new Map(files.map((file) => [file, EditionForm.safeParse(JSON.parse(fs.readFileSync(path.join(editionsDir, file), 'utf8')))] as const));

function form(file: string): EditionForm {
  const result = parsed.get(file);
  if (!result) throw new Error(`missing edition file ${file}`);
  if (!result.success) throw new Error(`${file} does not parse: ${result.error.message}`);
  return result.data;
}

const institutionIds = [
  'gate',
  '1(1)',
  '2(1)',
  '2(2)',
  '2(3)',
  '2(4)@server',
  '2(4)@terminal',
  '2(5)@server',
  '2(5)@terminal',
  '2(6)@server',
  '2(7)@server',
  '2(7)@terminal',
  '2(7)@network',
  '2(8)@network',
  '2(9)@server',
  '2(9)@terminal',
  '3(1)',
  '3(2)',
  '3(3)',
];

describe('checklist edition files', () => {
  it('has one file per edition and form', () => {
    for (const edition of ['2023', '2024', '2025']) {
      for (const kind of ['institution', 'vendor', 'pharmacy']) expect(files, `${edition}-${kind}.json`).toContain(`${edition}-${kind}.json`);
    }
  });

  it.each(files)('%s parses and matches its file name', (file) => {
    const result = parsed.get(file)!;
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
    const data = form(file);
    expect(`${data.edition}-${data.form}.json`).toBe(file);
  });

  it('the 2023 and 2024 institution forms have the 19 institution ids in order', () => {
    expect(form('2023-institution.json').items.map((i) => i.id)).toEqual(institutionIds);
    expect(form('2024-institution.json').items.map((i) => i.id)).toEqual(institutionIds);
  });

  it('the 2023 institution reference items are the ones printed in the 参考項目 part, due in FY2024', () => {
    const reference = form('2023-institution.json').items.filter((i) => i.requirement === 'reference');
    expect(reference.map((i) => i.id)).toEqual([
      '2(4)@terminal',
      '2(5)@terminal',
      '2(7)@server',
      '2(7)@terminal',
      '2(9)@server',
      '2(9)@terminal',
      '3(2)',
      '3(3)',
    ]);
    for (const item of reference) expect(item.dueFiscalYear, item.id).toBe(2024);
  });

  it('2023 flags: gate, vendor-contract-only 2(2)/2(3), single-round contact chart 3(1)', () => {
    const items = new Map(form('2023-institution.json').items.map((i) => [i.id, i]));
    expect(items.get('gate')?.flags.gate).toBe(true);
    expect(items.get('2(2)')?.flags.vendorContractOnly).toBe(true);
    expect(items.get('2(3)')?.flags.vendorContractOnly).toBe(true);
    expect(items.get('3(1)')?.flags.singleRound).toBe(true);
    expect(items.get('3(1)')?.flags.artifact).toBe('contactChart');
  });

  it('every 2024 item is required, in every form', () => {
    for (const file of files.filter((f) => f.startsWith('2024-'))) {
      for (const item of form(file).items) expect(item.requirement, `${file} ${item.id}`).toBe('required');
    }
  });

  it('the 2024 institution form leads with the gate', () => {
    expect(form('2024-institution.json').items[0]?.flags.gate).toBe(true);
  });

  it("keeps the 2023 vendor form's irregular printed numbers in labels", () => {
    const items = new Map(form('2023-vendor.json').items.map((i) => [i.id, i]));
    expect(items.get('2(7)@server')?.label).toBe('(8)');
    expect(items.get('2(9)@terminal')?.label).toBe('(10)');
    expect(items.has('gate')).toBe(false);
    expect(items.has('2(1)')).toBe(false);
    expect([...items.keys()].some((id) => id.startsWith('3('))).toBe(false);
  });

  it('every topic of a 2023 item still exists in 2024', () => {
    for (const kind of ['institution', 'vendor', 'pharmacy']) {
      const topics2024 = new Set(form(`2024-${kind}.json`).items.map((i) => i.topic));
      for (const item of form(`2023-${kind}.json`).items) expect(topics2024.has(item.topic), `${kind} ${item.topic}`).toBe(true);
    }
  });

  it('every item has a Japanese and an English explanation and how-to-check', () => {
    for (const file of files) {
      for (const item of form(file).items) {
        for (const field of [item.explanation, item.howToCheck, item.text]) {
          expect(field.ja.trim(), `${file} ${item.id}`).not.toBe('');
          expect(field.en.trim(), `${file} ${item.id}`).not.toBe('');
          expect(field.ja, `${file} ${item.id}`).toMatch(/[ぁ-んァ-ン一-龥]/);
        }
      }
    }
  });

  it('the seed-based 2023 forms are marked seed; reconstructed ones explain themselves', () => {
    for (const file of files) {
      const data = form(file);
      if (data.source.status === 'seed') expect(['2023-institution.json', '2023-vendor.json']).toContain(file);
      else expect(data.source.note?.length ?? 0, file).toBeGreaterThan(50);
    }
  });
});
