// Client-safe: the one definition of characters that hide or reorder text, for everything people type
// (names, messages, descriptions) and read. Control characters other than the line-layout ones, and the
// bidi embeddings / overrides / isolates (U+202A–U+202E, U+2066–U+2069): PostgreSQL cannot store NUL (it
// was a 500), and the others hide text or reorder what other people read ("invoice\u202Egnp.exe" shows as
// "invoiceexe.png", "Trojan Source"). Marks that only hint a direction (U+200E, U+200F) are fine.
const CONTROLS_BUT_LAYOUT = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F'
const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069'

const FORBIDDEN = new RegExp(`[${CONTROLS_BUT_LAYOUT}${BIDI_CONTROLS}]`)
// Live text (chat, guest names) keeps only the newline: tabs and carriage returns add nothing there.
const HIDDEN_IN_LIVE_TEXT = new RegExp(`[${CONTROLS_BUT_LAYOUT}\\t\\r${BIDI_CONTROLS}]`, 'g')

export const PLAIN_TEXT_ERROR = 'errors.controlCharacters'

/** Forms refuse such text with PLAIN_TEXT_ERROR (tab and line breaks allowed: textareas send CRLF). */
export function isPlainText(value: string): boolean {
  return !FORBIDDEN.test(value)
}

/**
 * Live text strips them instead of refusing: a right-to-left text pasted with a stray mark still goes
 * through (what remains must still be non-empty).
 */
export function stripHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_IN_LIVE_TEXT, '')
}
