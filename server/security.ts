import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import helmet from 'helmet'
import { usesCaptureDevices } from '../app/lib/capture-pages.ts'
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
}

const nonceOf = (res: ServerResponse) => (res as Response).locals.cspNonce as string

/** The CSP nonce of this response: fresh random bytes for every request. */
export function cspNonce(): RequestHandler {
  return (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  }
}

/** helmet's headers with our Content-Security-Policy; mount after cspNonce(). */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
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
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'", ...(options.formActionOrigins ?? [])],
        objectSrc: ["'none'"],
      },
    },
    // Video from our own origin only; cross-origin isolation would break Stripe and TURN set-ups.
    crossOriginEmbedderPolicy: false,
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
