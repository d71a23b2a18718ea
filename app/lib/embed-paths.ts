// The embeddable player's URLs, shared by the server's headers (server/security.ts), the routes and the
// web component's snippet. The player page is the only document other sites may frame (within the
// company's list); the script is the only file other sites may load.

export const EMBED_SCRIPT_PATH = '/embed.js'

const EMBED_PAGE = /^\/embed\/([A-Za-z0-9_-]{1,40})\/?$/

/** The showcase id when `pathname` is the embed page (a document, not its .data), else null. */
export function embedSessionIdOf(pathname: string): string | null {
  return EMBED_PAGE.exec(pathname)?.[1] ?? null
}

export function embedPath(sessionId: string): string {
  return `/embed/${encodeURIComponent(sessionId)}`
}
