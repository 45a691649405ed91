import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The two weights the forms use; Noto Sans JP covers kana, kanji and Latin, so one family does both locales. */
const files = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;

// Each file is 5 MB: read once per process, not per PDF (pdfkit embeds only the glyphs a document uses).
const cache = new Map<keyof typeof files, Buffer>();

export function japaneseFont(weight: keyof typeof files): Buffer {
  let buffer = cache.get(weight);
  if (!buffer) {
    buffer = fs.readFileSync(require.resolve(files[weight]));
    cache.set(weight, buffer);
  }
  return buffer;
}
