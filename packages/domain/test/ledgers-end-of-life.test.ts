import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInEndOfLife, endOfLifeFor, isIsoDate, normalizeProduct, parseEndOfLifeTable, type EndOfLifeEntry } from '../src/index.js';

const tablePath = fileURLToPath(new URL('../end-of-life/os.json', import.meta.url));

describe('normalizeProduct', () => {
  it.each([
    ['Windows 10 Pro', 'windows10pro'],
    ['Ｗｉｎ１０', 'win10'],
    ['Windows　Server　2012　R2', 'windowsserver2012r2'],
    [' macOS  Ventura\t13.6 ', 'macosventura13.6'],
    ['FortiOS v6.4.9', 'fortiosv6.4.9'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeProduct(input)).toBe(expected);
  });
});

describe('the built-in table', () => {
  it('loads and validates the shipped file', () => {
    expect(builtInEndOfLife.length).toBeGreaterThan(50);
    expect(parseEndOfLifeTable(JSON.parse(fs.readFileSync(tablePath, 'utf8')))).toEqual(builtInEndOfLife);
  });

  it('has ISO dates and normalised patterns only, each pattern once', () => {
    const seen = new Set<string>();
    for (const entry of builtInEndOfLife) {
      expect(isIsoDate(entry.endOfLifeOn), entry.product).toBe(true);
      for (const pattern of entry.match) {
        for (const part of pattern.split('+')) expect(normalizeProduct(part), pattern).toBe(part);
        expect(seen.has(pattern), pattern).toBe(false);
        seen.add(pattern);
      }
    }
  });

  it('has the lines the brief asks for', () => {
    const products = builtInEndOfLife.map((e) => e.product);
    for (const p of [
      'Windows XP',
      'Windows Vista',
      'Windows 7',
      'Windows 8',
      'Windows 8.1',
      'Windows 10',
      'Windows Server 2003',
      'Windows Server 2003 R2',
      'Windows Server 2008',
      'Windows Server 2008 R2',
      'Windows Server 2012',
      'Windows Server 2012 R2',
      'Windows Server 2016',
      'Windows Server 2019',
      'Windows Server 2022',
      'Windows Server 2025',
      'FortiOS 6.0',
      'FortiOS 6.2',
      'FortiOS 6.4',
      'FortiOS 7.0',
      'FortiOS 7.2',
      'PAN-OS 9.1',
      'PAN-OS 10.1',
    ]) {
      expect(products).toContain(p);
    }
    for (const update of ['21H2', '22H2', '23H2', '24H2']) {
      expect(products).toContain(`Windows 11 ${update} (Home/Pro)`);
      expect(products).toContain(`Windows 11 ${update} (Enterprise/Education)`);
    }
  });

  it('rejects a malformed table', () => {
    const ok = { product: 'X', match: ['x1'], endOfLifeOn: '2020-01-01' };
    expect(() => parseEndOfLifeTable({ entries: [{ ...ok, match: ['Windows 10'] }] })).toThrow();
    expect(() => parseEndOfLifeTable({ entries: [{ ...ok, match: ['a++b'] }] })).toThrow();
    expect(() => parseEndOfLifeTable({ entries: [{ ...ok, endOfLifeOn: '2023-02-30' }] })).toThrow();
    expect(() => parseEndOfLifeTable({ entries: [ok, { ...ok, product: 'Y' }] })).toThrow(/also a pattern of X/);
    expect(() => parseEndOfLifeTable({ entries: [{ ...ok, extra: 1 }] })).toThrow();
    expect(parseEndOfLifeTable({ entries: [{ ...ok, certainty: 'uncertain', note: 'n' }] })).toEqual([ok]);
  });
});

describe('endOfLifeFor on the built-in table', () => {
  const product = (text: string) => endOfLifeFor(text, builtInEndOfLife)?.product ?? null;

  it.each([
    // The manual's own ledger example (機器台帳の例) writes Win11 / Win8.
    ['Win8', 'Windows 8'],
    ['win8.1', 'Windows 8.1'],
    ['Windows 8.1 Pro', 'Windows 8.1'],
    ['Win11', null],
    ['Windows 11 Pro', null],
    ['Windows XP Professional SP3', 'Windows XP'],
    ['Windows 7 Professional SP1', 'Windows 7'],
    ['Windows Embedded Standard 7', 'Windows Embedded Standard 7'],
    ['win10', 'Windows 10'],
    ['Windows10', 'Windows 10'],
    ['windows 10 pro', 'Windows 10'],
    ['ＷＩＮＤＯＷＳ １０ Ｐｒｏ', 'Windows 10'],
    ['Windows 10 Pro 21H2', 'Windows 10 21H2 (Home/Pro)'],
    ['Windows 10 Pro 22H2', 'Windows 10'],
    ['Windows 10 Enterprise LTSC 2021', 'Windows 10 Enterprise LTSC 2021'],
    ['Windows 10 IoT Enterprise LTSC 2021', 'Windows 10 IoT Enterprise LTSC 2021'],
    ['Windows 10 Enterprise LTSC 2019', 'Windows 10 Enterprise LTSC 2019'],
    ['Windows 11 Pro 23H2', 'Windows 11 23H2 (Home/Pro)'],
    ['Windows 11 Pro Version 24H2', 'Windows 11 24H2 (Home/Pro)'],
    ['Windows 11 Home 22H2', 'Windows 11 22H2 (Home/Pro)'],
    ['Windows 11 Enterprise 24H2', 'Windows 11 24H2 (Enterprise/Education)'],
    ['Windows 11 Education 23H2', 'Windows 11 23H2 (Enterprise/Education)'],
    ['Windows 11 Pro Education 24H2', 'Windows 11 24H2 (Home/Pro)'],
    ['Windows 11 Enterprise LTSC 2024', 'Windows 11 Enterprise LTSC 2024'],
    ['Windows 11 IoT Enterprise LTSC 2024', 'Windows 11 IoT Enterprise LTSC 2024'],
    ['Windows Server 2012', 'Windows Server 2012'],
    ['Windows Server 2012 R2 Standard', 'Windows Server 2012 R2'],
    ['ws2012r2', 'Windows Server 2012 R2'],
    ['server2012r2', 'Windows Server 2012 R2'],
    ['WS2012', 'Windows Server 2012'],
    ['Windows Server 2008 R2 SP1', 'Windows Server 2008 R2'],
    ['Windows Server 2003 R2', 'Windows Server 2003 R2'],
    ['Windows Server 2016 Standard', 'Windows Server 2016'],
    ['Windows Server 2019', 'Windows Server 2019'],
    ['Windows Server 2022 Datacenter', 'Windows Server 2022'],
    ['Windows Server 2025', 'Windows Server 2025'],
    ['macOS Ventura 13.6', 'macOS 13 Ventura'],
    ['macOS 10.13.6', 'macOS 10.13 High Sierra'],
    ['macOS High Sierra', 'macOS 10.13 High Sierra'],
    ['Mac OS X 10.11.6', 'OS X 10.11 El Capitan'],
    ['macOS 15 Sequoia', null],
    ['CentOS 7.9', 'CentOS 7'],
    ['FortiOS 7.0.12', 'FortiOS 7.0'],
    ['FortiOS v6.4.9', 'FortiOS 6.4'],
    ['PAN-OS 10.1.11', 'PAN-OS 10.1'],
    ['Rev.8.03.94', 'YAMAHA RTX1100 / RTX1500 / RT107e (Rev.8.03)'],
    ['Ubuntu 22.04', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(product(text)).toBe(expected);
  });

  it('gives the documented dates for well-known lines', () => {
    const date = (text: string) => endOfLifeFor(text, builtInEndOfLife)?.endOfLifeOn;
    expect(date('Windows 10')).toBe('2025-10-14');
    expect(date('Windows 7')).toBe('2020-01-14');
    expect(date('Windows 8.1')).toBe('2023-01-10');
    expect(date('Windows Server 2012 R2')).toBe('2023-10-10');
    expect(date('Windows Server 2016')).toBe('2027-01-12');
    expect(date('Windows 11 Pro 23H2')).toBe('2025-11-11');
    expect(date('Windows 11 Enterprise 23H2')).toBe('2026-11-10');
  });
});

describe('endOfLifeFor matching rules', () => {
  const entries: EndOfLifeEntry[] = [
    { product: 'short', match: ['os1'], endOfLifeOn: '2020-01-01' },
    { product: 'long', match: ['os1.5'], endOfLifeOn: '2021-01-01' },
    { product: 'parts', match: ['os2+r2'], endOfLifeOn: '2022-01-01' },
    { product: 'tie-first', match: ['abc'], endOfLifeOn: '2030-01-01' },
    { product: 'tie-second', match: ['xyz'], endOfLifeOn: '2010-01-01' },
  ];
  const product = (text: string) => endOfLifeFor(text, entries)?.product ?? null;

  it('takes the longest pattern found, wherever it is in the table', () => {
    expect(product('OS1')).toBe('short');
    expect(product('OS 1.5 build 7')).toBe('long');
  });

  it('finds the parts of a + pattern in order only', () => {
    expect(product('os2 enterprise r2')).toBe('parts');
    expect(product('r2 os2')).toBeNull();
  });

  it('breaks a tie by table order', () => {
    expect(product('abc xyz')).toBe('tie-first');
    expect(product('xyz abc')).toBe('tie-first');
  });

  it('uses the table it is given: a facility entry listed first wins over an equal built-in one', () => {
    expect(endOfLifeFor('Windows 7', [])).toBeNull();
    const own = { product: 'Windows 10 (ESU)', match: ['Windows 10'], endOfLifeOn: '2028-10-10' };
    expect(endOfLifeFor('Windows 10 Pro', [own, ...builtInEndOfLife])).toBe(own);
    expect(endOfLifeFor('Windows 10 Pro', [...builtInEndOfLife, own])?.product).toBe('Windows 10');
    // A longer built-in match still wins over a shorter own one.
    expect(endOfLifeFor('Windows 10 Pro 21H2', [own, ...builtInEndOfLife])?.product).toBe('Windows 10 21H2 (Home/Pro)');
  });
});
