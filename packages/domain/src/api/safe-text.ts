/**
 * Text that no database column can hold: PostgreSQL refuses NUL in `text` and unpaired UTF-16 surrogates in
 * `jsonb` (both arrive easily in JSON as \u0000 and \ud800). Every request is checked for them once, before
 * its schema (the server's validator compiler), so such input is a 400 naming the field, never a 500.
 */

export type UnsafeTextKind = 'nul' | 'lone_surrogate';

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unsafeTextKind(text: string): UnsafeTextKind | null {
  if (NUL.test(text)) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  return null;
}

export const unsafeTextMessages: Record<UnsafeTextKind, { ja: string; en: string }> = {
  nul: { ja: '使えない制御文字（NUL）が含まれています', en: 'contains a NUL character' },
  lone_surrogate: { ja: '壊れた文字（対になっていないサロゲート）が含まれています', en: 'contains a broken character (an unpaired surrogate)' },
};

export interface UnsafeText {
  /** Dotted path from the root, as validation errors name fields: `entries.0.name`. */
  path: string;
  kind: UnsafeTextKind;
}

/** The first string (value or object key) anywhere in a JSON-like value that a database cannot store. */
export function findUnsafeText(value: unknown, path: readonly (string | number)[] = []): UnsafeText | null {
  if (typeof value === 'string') {
    const kind = unsafeTextKind(value);
    return kind ? { path: path.join('.'), kind } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const keyKind = unsafeTextKind(key);
      // A bad key cannot be printed in the path either: the path stops at its parent.
      if (keyKind) return { path: path.join('.'), kind: keyKind };
      const found = findUnsafeText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
