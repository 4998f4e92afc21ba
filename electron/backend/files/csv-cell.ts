/** One CSV cell: quoted when it holds a quote, comma or line break. */
export function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
