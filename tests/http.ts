import { isDomainError } from '~/domain/errors'
import { ensureCsrfToken } from '~/utils/csrf.server'
import { responseFromDomainError } from '~/utils/route-errors.server'

/** "name=value" from a Set-Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0] ?? ''
}

/** A browser-like CSRF cookie and its token, as the root loader would have handed out. */
export async function mintCsrf(): Promise<{ token: string; cookie: string }> {
  const { token, setCookie } = await ensureCsrfToken(new Request('http://localhost/'))
  if (!setCookie) throw new Error('expected a fresh CSRF cookie')
  return { token, cookie: cookiePair(setCookie) }
}

export function formRequest(
  path: string,
  fields: Record<string, string>,
  { cookies = [], headers = {} }: { cookies?: string[]; headers?: Record<string, string> } = {},
): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'http://localhost',
      Cookie: cookies.join('; '),
      'x-tradecast-client-ip': '203.0.113.7',
      ...headers,
    },
    body: new URLSearchParams(fields),
  })
}

export function getRequest(path: string, cookies: string[] = []): Request {
  return new Request(`http://localhost${path}`, { headers: { Cookie: cookies.join('; ') } })
}

/** What a loader/action threw: a Response, React Router's data() wrapper, or a DomainError as the request handler answers it. */
export async function caught(run: () => unknown): Promise<{ status: number; location?: string | null; data?: unknown }> {
  try {
    await run()
  } catch (error) {
    const thrown = isDomainError(error) ? responseFromDomainError(error) : error
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('Location') }
    const withInit = thrown as { type?: string; init?: { status?: number }; data?: unknown } | null | undefined
    if (withInit?.type === 'DataWithResponseInit') return { status: withInit.init?.status ?? 200, data: withInit.data }
    throw thrown
  }
  throw new Error('expected the call to throw')
}

/** Calls a route action with a CSRF-valid form post carrying the given session cookies. */
export async function postAction(
  handler: (args: never) => Promise<unknown>,
  path: string,
  cookies: string[],
  fields: Record<string, string>,
  params: Record<string, string> = {},
) {
  const csrf = await mintCsrf()
  const request = formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, ...cookies] })
  return handler({ request, params } as never)
}
