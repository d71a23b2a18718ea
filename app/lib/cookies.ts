/**
 * The one reader of a raw cookie string (a Cookie header, or document.cookie in the browser) for cookies
 * read without a signature check (time zone, test clock, guest key, session presence); signed cookies go
 * through React Router's createCookie. Returns the decoded value, '' for a cookie without one, null when
 * absent. A malformed %-escape is returned as written.
 */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator === -1 || part.slice(0, separator).trim() !== name) continue
    const value = part.slice(separator + 1).trim()
    try {
      return decodeURIComponent(value)
    } catch {
      return value
    }
  }
  return null
}
