// Secrets that travel in links (password reset, invitations) must not reach the logs: anyone who reads
// the logs could use them. Our link tokens are 32 random bytes in base64url (43 characters); ids
// (cuid, 25) and words stay readable.
const TOKEN_LIKE = /[A-Za-z0-9_-]{32,}/g

export const REDACTED = '[redacted]'

/** The text (a mail body, a request URL) with every token-like run replaced. */
export function redactSecrets(text: string): string {
  return text.replace(TOKEN_LIKE, REDACTED)
}

type LoggedRequest = { url?: unknown; query?: unknown; params?: unknown; headers?: Record<string, unknown> }

/** pino-http's serialized request with secrets redacted from the URL, query, params and Referer. */
export function redactLoggedRequest<T extends LoggedRequest>(req: T): T {
  const scrub = (value: unknown): unknown =>
    typeof value === 'string'
      ? redactSecrets(value)
      : Array.isArray(value)
        ? value.map(scrub)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)]))
          : value
  return {
    ...req,
    url: scrub(req.url),
    query: scrub(req.query),
    params: scrub(req.params),
    headers: req.headers ? { ...req.headers, referer: scrub(req.headers.referer) } : req.headers,
  }
}

type LoggedResponse = { headers?: Record<string, unknown> }

/**
 * pino-http's serialized response with secrets redacted from the headers that carry a URL: a redirect
 * into an invitation (`Location: /invitations/<token>`, or `/login?redirectTo=%2Finvitations%2F<token>`).
 */
export function redactLoggedResponse<T extends LoggedResponse>(res: T): T {
  if (!res.headers) return res
  const headers = { ...res.headers }
  for (const name of ['location', 'refresh', 'content-location']) {
    const value = headers[name]
    if (typeof value === 'string') headers[name] = redactSecrets(value)
  }
  return { ...res, headers }
}
