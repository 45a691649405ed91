/** A LIKE pattern for "contains": `%` and `_` typed in a search box are literal characters, not wildcards. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
