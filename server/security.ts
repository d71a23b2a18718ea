import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import helmet from 'helmet'
import { usesCaptureDevices } from '../app/lib/capture-pages.ts'
import { EMBED_SCRIPT_PATH, embedSessionIdOf } from '../app/lib/embed-paths.ts'
import { SESSION_COOKIE_NAME } from '../app/domain/accounts/session.server.ts'
import { readCookie } from '../app/lib/cookies.ts'

// Security headers of the HTTP edge: a nonce-based Content-Security-Policy (with helmet's other
// headers), a Permissions-Policy per page, and no-store for signed-in responses.

export type SecurityHeaderOptions = {
  mode: 'production' | 'development'
  /** Origins a form submission may end up at besides ours (Stripe Checkout after a redirect). */
  formActionOrigins?: string[]
  /** Vite's HMR WebSocket port (development only). */
  hmrPort?: number
  /**
   * The sites a showcase's company lets frame its player (/embed/:sessionId), as CSP sources. Without it,
   * the embed page may be framed by our own origin only, like every other page.
   */
  embedFrameAncestors?: (sessionId: string) => Promise<string[]>
}

const nonceOf = (res: ServerResponse) => (res as Response).locals.cspNonce as string
/** Sources besides 'self' that may frame this response (set only for the embed page). */
const framersOf = (res: ServerResponse) => ((res as Response).locals.frameAncestors as string[] | undefined) ?? []

/** The CSP nonce of this response: fresh random bytes for every request. */
export function cspNonce(): RequestHandler {
  return (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  }
}

/**
 * helmet's headers with our Content-Security-Policy; mount after cspNonce(). Framing, the one header set
 * that differs by page, is decided here too: every page refuses frames from other sites (CSP
 * frame-ancestors 'self' and X-Frame-Options: SAMEORIGIN for older browsers), except the embed page,
 * whose frame-ancestors add the sites its company listed (and which therefore has no X-Frame-Options,
 * which cannot name sites). The web component's script may be loaded by any site.
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const headers = helmetHeaders(options)
  return (req, res, next) => {
    const embedSessionId = req.method === 'GET' || req.method === 'HEAD' ? embedSessionIdOf(req.path) : null
    const finish = () =>
      headers(req, res, (error?: unknown) => {
        if (error) {
          next(error)
          return
        }
        if (embedSessionId === null) res.setHeader('X-Frame-Options', 'SAMEORIGIN')
        if (req.path === EMBED_SCRIPT_PATH) res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
        next()
      })
    if (embedSessionId === null || !options.embedFrameAncestors) return finish()
    options.embedFrameAncestors(embedSessionId).then((sources) => {
      res.locals.frameAncestors = sources
      finish()
    }, next)
  }
}

function helmetHeaders(options: SecurityHeaderOptions): RequestHandler {
  const dev = options.mode === 'development'
  const nonce = (_req: unknown, res: ServerResponse) => `'nonce-${nonceOf(res)}'`
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // React Router's inline hydration scripts and React's streaming scripts carry the nonce
        // (app/entry.server.tsx); modules and chunks come from our origin.
        scriptSrc: ["'self'", nonce],
        // Styles: Tailwind's one stylesheet; React and Recharts write style attributes (style-src-attr).
        // Vite injects <style> elements while developing, which a nonce cannot cover.
        styleSrc: dev ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        // 'self' covers Socket.io's ws:/wss: on our origin; Vite's HMR socket has a port of its own.
        connectSrc: dev ? ["'self'", `ws://*:${options.hmrPort ?? 24_678}`] : ["'self'"],
        fontSrc: ["'self'", 'data:'],
        frameAncestors: [(_req: unknown, res: ServerResponse) => ["'self'", ...framersOf(res)].join(' ')],
        baseUri: ["'self'"],
        formAction: ["'self'", ...(options.formActionOrigins ?? [])],
        objectSrc: ["'none'"],
      },
    },
    // Video from our own origin only; cross-origin isolation would break Stripe and TURN set-ups.
    crossOriginEmbedderPolicy: false,
    // Set by securityHeaders() for every page but the embed page.
    xFrameOptions: false,
  })
}

// Features the app never uses are off everywhere.
const ALWAYS_OFF = ['accelerometer', 'geolocation', 'gyroscope', 'magnetometer', 'midi', 'payment', 'usb', 'serial', 'hid']
const CAPTURE = ['camera', 'microphone', 'display-capture']

/** Permissions-Policy for a path: capture devices for our origin only on the studio and the meeting room. */
export function permissionsPolicyFor(pathname: string): string {
  const capture = usesCaptureDevices(pathname) ? '(self)' : '()'
  return [...CAPTURE.map((feature) => `${feature}=${capture}`), ...ALWAYS_OFF.map((feature) => `${feature}=()`)].join(', ')
}

export function permissionsPolicy(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', permissionsPolicyFor(req.path))
    next()
  }
}

function carriesSession(cookieHeader: string | undefined): boolean {
  return readCookie(cookieHeader, SESSION_COOKIE_NAME) !== null
}

/**
 * A response to a signed-in request (page or data) may hold personal data: no cache, shared or
 * private, may keep it. Mounted after the static files, so /assets stay cacheable.
 */
export function noStoreWhenSignedIn(req: Request, res: Response, next: NextFunction): void {
  if (carriesSession(req.headers.cookie)) res.setHeader('Cache-Control', 'no-store')
  next()
}
