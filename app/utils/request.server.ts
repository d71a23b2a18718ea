/** Header the HTTP server overwrites with the socket's address; never trusted from the client. */
export const CLIENT_IP_HEADER = 'x-tradecast-client-ip'

export function getClientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? 'unknown'
}

/** A same-site relative path to go to after sign-in; anything else falls back. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/dashboard'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}
