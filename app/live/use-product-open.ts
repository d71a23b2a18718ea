import { useCallback, useRef } from 'react'
import { useRouteLoaderData } from 'react-router'

export type ProductOpenSource = 'live' | 'replay'
export type ProductOpenHow = 'name' | 'quote' | 'samples'

function csrfTokenOf(root: unknown): string {
  return typeof root === 'object' && root !== null && 'csrfToken' in root && typeof root.csrfToken === 'string' ? root.csrfToken : ''
}

/**
 * Tells the server a signed-in viewer opened a pinned product card (POST /live/:sessionId/product-opens,
 * app/routes/live/product-opens.ts): for the exporter's lead list, as the privacy notice says. Fire and
 * forget with sendBeacon (the name opens the product page in a new tab); the same product is sent once a
 * minute from this page at most (the server deduplicates too). Nothing is sent for guests.
 */
export function useProductOpen(sessionId: string, source: ProductOpenSource, signedIn: boolean) {
  const csrf = csrfTokenOf(useRouteLoaderData('root'))
  const lastSent = useRef(new Map<string, number>())
  return useCallback(
    (productId: string, how: ProductOpenHow) => {
      if (!signedIn || !csrf) return
      const now = Date.now()
      const previous = lastSent.current.get(productId)
      if (previous !== undefined && now - previous < 60_000) return
      lastSent.current.set(productId, now)
      const url = `/live/${encodeURIComponent(sessionId)}/product-opens`
      const body = new URLSearchParams({ productId, source, how, csrf })
      if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, body)) return
      void fetch(url, { method: 'POST', body, credentials: 'same-origin', keepalive: true }).catch(() => undefined)
    },
    [sessionId, source, signedIn, csrf],
  )
}
