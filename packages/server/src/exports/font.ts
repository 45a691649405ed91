import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/** The two weights the forms use; Noto Sans JP covers kana, kanji and Latin, so one family does both locales. */
const files = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof files;

// Each file is 5 MB: read and parse once per process. Reparsing per PDF tripled the render time; pdfkit takes
// the parsed font as is and builds a fresh subset per document, so one instance serves every PDF.
const cache = new Map<FontWeight, fontkit.Font>();

export function japaneseFont(weight: FontWeight): fontkit.Font {
  let font = cache.get(weight);
  if (!font) {
    font = fontkit.create(fs.readFileSync(require.resolve(files[weight]))) as fontkit.Font;
    cache.set(weight, font);
  }
  return font;
}
