import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json' with { type: 'json' };
import ja from '../src/i18n/ja.json' with { type: 'json' };

/** i18next's plural forms: English needs _one and _other, Japanese one form; they name the same message. */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function messageKeys(tree: unknown, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const inner of messageKeys(value, path)) keys.add(inner);
    else keys.add(path.replace(pluralSuffix, ''));
  }
  return keys;
}

describe('translation files', () => {
  const japanese = messageKeys(ja);
  const english = messageKeys(en);

  it('every Japanese message has an English one', () => {
    expect([...japanese].filter((key) => !english.has(key))).toEqual([]);
  });

  it('every English message has a Japanese one', () => {
    expect([...english].filter((key) => !japanese.has(key))).toEqual([]);
  });

  it('no message is empty', () => {
    const empty = (tree: unknown, prefix = ''): string[] =>
      Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
        value !== null && typeof value === 'object' ? empty(value, `${prefix}${key}.`) : String(value).trim() === '' ? [`${prefix}${key}`] : [],
      );
    expect([...empty(ja), ...empty(en)]).toEqual([]);
  });
});
