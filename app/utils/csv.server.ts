import { stringify } from 'csv-stringify/sync'

// Spreadsheet apps run a cell that starts with one of these as a formula (CSV injection, OWASP):
// = + - @, tab and carriage return, and their full-width forms, which some locales' apps also accept.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/** One cell, made inert: a text cell that would start a formula gets a leading apostrophe. */
export function neutralizeCsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  // Numbers are written by us, never by users, and a negative amount must stay a number.
  if (typeof value === 'number') return String(value)
  return FORMULA_START.test(value) ? `'${value}` : value
}

/**
 * The only way the app writes CSV: every cell goes through neutralizeCsvCell, and csv-stringify
 * quotes cells holding separators, quotes or line breaks (doubling inner quotes).
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>, { bom = true }: { bom?: boolean } = {}): string {
  const body = stringify(rows.map((row) => row.map(neutralizeCsvCell)))
  // BOM so spreadsheet apps read UTF-8 (Korean company names) correctly.
  return bom ? `\uFEFF${body}` : body
}
