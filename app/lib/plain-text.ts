// Client-safe: the one rule for free text people type (names, messages, descriptions), used by every
// form schema. Control characters other than tab and line breaks, and the bidi embedding / override /
// isolate controls, are refused: PostgreSQL cannot store NUL (it was a 500), and the others hide text or
// reorder what other people read ("invoice\u202Egnp.exe" shows as "invoiceexe.png").
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

export const PLAIN_TEXT_ERROR = 'errors.controlCharacters'

export function isPlainText(value: string): boolean {
  return !FORBIDDEN.test(value)
}
