import { accessLogCategories, type AccessLogCategory, type ColumnMapping } from '@mamori/domain';

/** The mapping as its form holds it: headings as typed, the words of each category comma-separated. */
export interface MappingValues {
  time: string;
  user: string;
  host: string;
  sourceIp: string;
  action: string;
  category: string;
  words: Record<AccessLogCategory, string>;
}

const columns = ['user', 'host', 'sourceIp', 'action', 'category'] as const;

export function mappingValues(mapping: ColumnMapping | null): MappingValues {
  const words = Object.fromEntries(accessLogCategories.map((c) => [c, (mapping?.categoryWords?.[c] ?? []).join('、')])) as Record<AccessLogCategory, string>;
  return {
    time: mapping?.time ?? '',
    user: mapping?.user ?? '',
    host: mapping?.host ?? '',
    sourceIp: mapping?.sourceIp ?? '',
    action: mapping?.action ?? '',
    category: mapping?.category ?? '',
    words,
  };
}

/** Words separated by the Japanese or the Latin comma, blanks dropped. */
const splitWords = (text: string) =>
  text
    .split(/[,、，]/)
    .map((w) => w.trim())
    .filter(Boolean);

/** The mapping the API takes: blank headings left out, category words only when a category column is named. */
export function mappingBody(values: MappingValues): ColumnMapping {
  const mapping: ColumnMapping = { time: values.time.trim() };
  for (const column of columns) {
    const heading = values[column].trim();
    if (heading) mapping[column] = heading;
  }
  if (mapping.category) {
    const categoryWords: NonNullable<ColumnMapping['categoryWords']> = {};
    for (const c of accessLogCategories) {
      const list = splitWords(values.words[c]);
      if (list.length > 0) categoryWords[c] = list;
    }
    if (Object.keys(categoryWords).length > 0) mapping.categoryWords = categoryWords;
  }
  return mapping;
}
