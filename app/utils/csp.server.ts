import { createContext, RouterContextProvider } from 'react-router'

// The per-request Content-Security-Policy nonce, from the Express edge (server/security.ts) to
// app/entry.server.tsx, which hands it to <ServerRouter nonce> (React Router's <Scripts>, <Links> and
// <ScrollRestoration> take it from there). Kept on globalThis: the server's own modules and the bundled
// app are two module instances, and a router context is matched by object identity.
const KEY = Symbol.for('tradecast.cspNonceContext')
type WithNonceContext = typeof globalThis & { [KEY]?: ReturnType<typeof createContext<string | undefined>> }

export const cspNonceContext = ((globalThis as WithNonceContext)[KEY] ??= createContext<string | undefined>(undefined))

/** The load context of one request: carries its CSP nonce. */
export function loadContextWithNonce(nonce: string | undefined): RouterContextProvider {
  const context = new RouterContextProvider()
  context.set(cspNonceContext, nonce)
  return context
}
