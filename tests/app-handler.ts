// The whole app behind React Router's real request handler, compiled from the current sources by Vite
// (as `npm run dev` does), so route tests exercise root + route loaders/actions, guards and rendering
// without depending on a possibly stale `build/`. Import this module FIRST in a test file.
import './app-env'
import { createUserSession } from '~/domain/accounts/session.server'
import { answerDomainErrors } from '~/utils/route-errors.server'
import { randomBytes } from 'node:crypto'
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from 'react-router'
import type { ViteDevServer } from 'vite'
import { cookiePair, mintCsrf } from './http'

export type AppHandler = {
  handle: (request: Request) => Promise<Response>
  build: ServerBuild
  close: () => Promise<void>
}

export async function startAppHandler(): Promise<AppHandler> {
  const { createServer } = await import('vite')
  const vite: ViteDevServer = await createServer({
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
    logLevel: 'warn',
  })
  const build = answerDomainErrors((await vite.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild)
  const handler = createRequestHandler(build, 'production')
  // The Express edge gives every request a load context carrying its CSP nonce; do the same.
  const csp = (await vite.ssrLoadModule('/app/utils/csp.server.ts').catch(() => ({}))) as {
    loadContextWithNonce?: (nonce: string) => RouterContextProvider
  }
  return {
    handle: (request) => handler(request, csp.loadContextWithNonce?.(randomBytes(16).toString('base64'))),
    build,
    close: () => vite.close(),
  }
}

/** A fresh session cookie for the user (a POST may sign it out, so each request can have its own). */
export async function freshSession(userId: string): Promise<string> {
  return cookiePair(await createUserSession(userId, { userAgent: 'vitest' }))
}

// Set by the Express edge in production; here the test chooses it (e.g. one per sign-up, below the limits).
const CLIENT_IP = 'x-tradecast-client-ip'

export function appGet(path: string, cookies: string[] = []): Request {
  return new Request(`http://localhost${path}`, { headers: { Cookie: cookies.join('; '), [CLIENT_IP]: '203.0.113.9' } })
}

/** A browser-like form POST: CSRF cookie + token and same-origin Origin, plus the given cookies. */
export async function appPost(
  path: string,
  body: Record<string, string> | FormData,
  cookies: string[] = [],
  { clientIp = '203.0.113.9' }: { clientIp?: string } = {},
): Promise<Request> {
  const csrf = await mintCsrf()
  const headers: Record<string, string> = { Cookie: [csrf.cookie, ...cookies].join('; '), Origin: 'http://localhost', [CLIENT_IP]: clientIp }
  let payload: URLSearchParams | FormData
  if (body instanceof FormData) {
    body.set('csrf', csrf.token)
    payload = body
  } else {
    payload = new URLSearchParams({ csrf: csrf.token, ...body })
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
  }
  return new Request(`http://localhost${path}`, { method: 'POST', headers, body: payload })
}
