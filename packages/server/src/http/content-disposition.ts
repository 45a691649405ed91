/** `さくら歯科_令和5年度_医療機関確認用.pdf`, with an ASCII fallback for old clients. */
export function contentDisposition(name: string, asciiName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
