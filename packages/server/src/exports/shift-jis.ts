import iconv from 'iconv-lite';
import { startsFormula } from '@mamori/domain';

/**
 * Characters whose JIS form Windows maps to a different Unicode code point: written as they are, they
 * would become "?" in CP932. Mapping them first keeps 〜 as the 〜 a Japanese user typed.
 */
const cp932Forms: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～
  '\u2212': '\uFF0D', // − MINUS SIGN → －
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥
  '\u2014': '\u2015', // — EM DASH → ―
  '\u00A2': '\uFFE0', // ¢
  '\u00A3': '\uFFE1', // £
  '\u00AC': '\uFFE2', // ¬
};
const needsMapping = /[\u301C\u2212\u2016\u2014\u00A2\u00A3\u00AC]/g;

/** Encodes text as Shift_JIS the way Excel on Windows reads it (CP932). */
export function encodeShiftJis(text: string): Buffer {
  return iconv.encode(
    text.replace(needsMapping, (c) => cp932Forms[c]!),
    'cp932',
  );
}

/**
 * safeCell for the Shift_JIS export: the guard looks at the first character as the file will hold it (mapped
 * forms, "?" for what CP932 lacks), because − only becomes the full-width minus on the way out.
 */
export function safeShiftJisCell(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  return startsFormula(iconv.decode(encodeShiftJis(String.fromCodePoint(first)), 'cp932')) ? `'${text}` : text;
}
