/**
 * One CSV cell (RFC 4180 quoting). A cell that would start a spreadsheet formula (=, +, -, @) is
 * prefixed with an apostrophe, so an exported comment cannot run as a formula.
 */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file that spreadsheets open directly: UTF-8 with a byte-order mark, CRLF line ends. */
export function csvDocument(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
