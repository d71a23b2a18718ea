import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ServerBuild } from 'react-router'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { cookiePair, mintCsrf } from '../tests/http'
import { createUser } from '../tests/fixtures'
import type { TrustProxy } from '~/utils/env.server'
import { FORM_BODY_LIMIT } from './body-limit'
import { createExpressApp } from './app'

// The real Express edge in front of the real app (compiled from the sources by Vite, served by React
// Router's production handler), over real HTTP: headers, body limits and the client address.

vi.hoisted(() => {
  // The test and the Vite-compiled app are two module instances: cookies verify only with one secret.
  process.env.SESSION_SECRET ??= 'edge-test-session-secret-shared-by-test-and-app-0123'
})

let vite: ViteDevServer
let build: ServerBuild
const servers: Server[] = []

beforeAll(async () => {
  const { createServer } = await import('vite')
  vite = await createServer({ server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'warn' })
  build = (await vite.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild
}, 120_000)

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  // Unset when beforeAll failed.
  await (vite as ViteDevServer | undefined)?.close()
})

async function serve(trustProxy: TrustProxy = false): Promise<string> {
  const app = createExpressApp({ mode: 'production', build, clientDir: mkdtempSync(path.join(tmpdir(), 'tc-client-')), trustProxy })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('security headers', () => {
  it('sends a Content-Security-Policy whose fresh nonce is on every script of the page', async () => {
    const base = await serve()
    const nonces: string[] = []
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${base}/login`)
      const csp = response.headers.get('content-security-policy') ?? ''
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1]
      expect(nonce, csp).toBeTruthy()
      nonces.push(nonce!)
      for (const directive of ["default-src 'self'", "frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
        expect(csp).toContain(directive)
      }
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? []
      expect(scripts.length).toBeGreaterThan(0)
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
    }
    expect(nonces[0]).not.toBe(nonces[1])
  })

  it('allows camera, microphone and screen capture only on the studio and the meeting room', async () => {
    const base = await serve()
    const policy = async (pathname: string) => (await fetch(`${base}${pathname}`, { redirect: 'manual' })).headers.get('permissions-policy') ?? ''
    for (const pathname of ['/studio/abc', '/meetings/abc/room']) {
      expect(await policy(pathname)).toContain('camera=(self), microphone=(self), display-capture=(self)')
    }
    for (const pathname of ['/login', '/meetings/abc', '/live/abc', '/studio/abc/extra']) {
      expect(await policy(pathname)).toContain('camera=(), microphone=(), display-capture=()')
    }
    expect(await policy('/login')).toContain('geolocation=()')
  })

  it('marks pages and data requests of a signed-in visitor no-store, and only those', async () => {
    const base = await serve()
    const { cookie } = await createUser('BUYER')
    for (const pathname of ['/catalog', '/catalog.data']) {
      expect((await fetch(`${base}${pathname}`, { headers: { Cookie: cookie } })).headers.get('cache-control')).toBe('no-store')
      expect((await fetch(`${base}${pathname}`)).headers.get('cache-control')).not.toBe('no-store')
    }
  })
})

/** A raw POST over node:http (fetch cannot send a chunked body it gives up on cleanly). */
async function rawPost(base: string, pathname: string, options: { headers: Record<string, string>; chunks: Buffer[] }): Promise<number> {
  return (await rawPostAnswer(base, pathname, options)).status
}

function rawPostAnswer(
  base: string,
  pathname: string,
  options: { headers: Record<string, string>; chunks: Buffer[] },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${pathname}`, { method: 'POST', headers: options.headers }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (chunk: Buffer) => parts.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }))
    })
    // The server may close the connection while we are still sending: only the status matters.
    req.on('error', (error) => setTimeout(() => reject(error), 1000))
    const writeNext = (i: number) => {
      if (i === options.chunks.length) return void req.end()
      if (req.destroyed) return
      req.write(options.chunks[i], () => writeNext(i + 1))
    }
    writeNext(0)
  })
}

describe('request body limits', () => {
  const urlencoded = { 'Content-Type': 'application/x-www-form-urlencoded' }
  const overLimit = () => Buffer.alloc(FORM_BODY_LIMIT + 1, 'a')

  it('refuses a form declared larger than 1 MiB with 413 before reading it', async () => {
    const base = await serve()
    const body = overLimit()
    expect(await rawPost(base, '/login', { headers: { ...urlencoded, 'Content-Length': String(body.length) }, chunks: [body] })).toBe(413)
  })

  it('says so in the sender’s language', async () => {
    const base = await serve()
    const body = overLimit()
    const answer = await rawPostAnswer(base, '/login', {
      headers: { ...urlencoded, 'Content-Length': String(body.length), 'Accept-Language': 'ko-KR,ko;q=0.9' },
      chunks: [body],
    })
    expect(answer).toEqual({ status: 413, text: '보낸 내용이 너무 큽니다. 뒤로 돌아가 더 작은 파일을 선택하세요.' })
  })

  it('refuses a chunked form once it passes 1 MiB', async () => {
    const base = await serve()
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 'a')) // 2.5 MiB, no Content-Length
    expect(await rawPost(base, '/login', { headers: { ...urlencoded, 'Transfer-Encoding': 'chunked' }, chunks })).toBe(413)
  })

  it('admits a larger multipart body only where files are uploaded', async () => {
    const base = await serve()
    const boundary = 'tradecastboundary'
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      Buffer.alloc(2 * FORM_BODY_LIMIT, 1),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const headers = { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(body.length) }
    expect(await rawPost(base, '/login', { headers, chunks: [body] })).toBe(413)
    // Anonymous: the upload page answers as it always does (sign-in redirect), not 413.
    expect(await rawPost(base, '/exporter/company', { headers, chunks: [body] })).not.toBe(413)
  })

  it('lets ordinary forms through', async () => {
    const base = await serve()
    const body = Buffer.from('email=a%40example.test&password=x')
    expect(await rawPost(base, '/login', { headers: { ...urlencoded, 'Content-Length': String(body.length) }, chunks: [body] })).not.toBe(413)
  })
})

describe('client address behind proxies', () => {
  /** One failed sign-in for `email`, as sent through a proxy that appended `X-Forwarded-For`. */
  async function failedSignIn(base: string, email: string, forwardedFor: string): Promise<number> {
    const csrf = await mintCsrf()
    const response = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookiePair(csrf.cookie), Origin: base, 'X-Forwarded-For': forwardedFor },
      body: new URLSearchParams({ csrf: csrf.token, email, password: 'not-the-password' }),
    })
    await response.body?.cancel()
    return response.status
  }

  // LOGIN_LIMITS.byAccountAndIp: 10 attempts per account and address.
  async function tenFailures(base: string, email: string, proxySaw: string) {
    for (let i = 0; i < 10; i++) expect(await failedSignIn(base, email, `${randomUUID().slice(0, 3)}.0.0.${i}, ${proxySaw}`)).toBe(400)
  }

  it('with one trusted hop, keys the limits on the address the proxy saw, whatever the client wrote before it', async () => {
    const base = await serve(1)
    const email = `xff-${randomUUID().slice(0, 8)}@example.test`
    await tenFailures(base, email, '198.51.100.7')
    // A new spoofed left-most address does not buy a fresh budget …
    expect(await failedSignIn(base, email, '203.0.113.99, 198.51.100.7')).toBe(429)
    // … while a different client behind the proxy has its own.
    expect(await failedSignIn(base, email, '203.0.113.99, 198.51.100.8')).toBe(400)
  })

  it('without a trusted proxy, ignores X-Forwarded-For altogether', async () => {
    const base = await serve(false)
    const email = `xff-${randomUUID().slice(0, 8)}@example.test`
    for (let i = 0; i < 10; i++) expect(await failedSignIn(base, email, `198.51.100.${i}`)).toBe(400)
    expect(await failedSignIn(base, email, '198.51.100.200')).toBe(429)
  })
})
