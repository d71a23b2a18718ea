import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { HydratedRouter } from 'react-router/dom'
import { ensureIntlData } from '~/lib/intl-data'

// React Router's default client entry, after one step: the page's dates, numbers and plurals were written
// by Node's full ICU, and a browser without this locale's Intl data (Chrome has no Mongolian) gets FormatJS's
// first, so hydration renders the same text. Browsers that have the locale load nothing more.

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    )
  })
}

ensureIntlData(document.documentElement.lang).then(hydrate, (error: unknown) => {
  // Without the polyfills the page still works; only some formatted text differs from the server's.
  console.error('Intl polyfills could not be loaded', error)
  hydrate()
})
