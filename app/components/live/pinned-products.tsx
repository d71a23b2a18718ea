import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ContentText } from '~/components/content-text'
import { ReadyBadge } from '~/components/ready-badge'
import { buttonClass } from '~/components/ui/button'
import { formatHsCode } from '~/domain/catalog/product-rules'
import { formatMoney } from '~/lib/money'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import type { PinnedProductView } from '~/protocol/live'

/** The viewer's market and, of the showcase's featured products, those ready for it (read once by the room's loader). */
export type ReadyForViewer = { market: string; productIds: readonly string[] }

/** The product cards the host put on screen, with the trade facts a buyer needs to act. */
export function PinnedProducts({
  products,
  readyForViewer = null,
  onRequestQuote,
  guestQuoteReturnTo,
  renderExtraActions,
  onOpen,
}: {
  products: readonly PinnedProductView[]
  /** "Ready for your market" on the pinned products in it; a pin arriving over the socket is looked up here. */
  readyForViewer?: ReadyForViewer | null
  onRequestQuote?: (product: PinnedProductView) => void
  /** For a visitor not signed in: where to come back after signing in or up, to ask a quote on the product. */
  guestQuoteReturnTo?: ((product: PinnedProductView) => string) | undefined
  renderExtraActions?: (product: PinnedProductView) => React.ReactNode
  /** A signed-in viewer opened the card (its name or "Request quote"): recorded for the exporter's lead list. */
  onOpen?: ((product: PinnedProductView, how: 'name' | 'quote') => void) | undefined
}) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const ready = new Set(readyForViewer?.productIds ?? [])
  return (
    <section aria-labelledby="pinned-title" className="space-y-2">
      <h2 id="pinned-title" className="font-semibold">
        {t('liveRoom.products')}
      </h2>
      {products.length === 0 ? <p className="text-sm text-slate-500">{t('liveRoom.noPinnedProducts')}</p> : null}
      <ul className="grid gap-3 md:grid-cols-3">
        {products.map((product) => (
          <li key={product.id} data-testid="pinned-product" className="flex flex-col gap-1 rounded-xl bg-white p-3 text-sm shadow-sm ring-2 ring-brand-500">
            <div className="flex gap-3">
              {product.image ? <img src={product.image} alt="" className="size-14 rounded object-cover" /> : null}
              <div>
                <ContentText as="p" lang={product.nameLang} className="font-semibold leading-snug">
                  <Link to={`/catalog/${product.id}`} target="_blank" className="hover:underline" onClick={() => onOpen?.(product, 'name')}>
                    {product.name}
                  </Link>
                </ContentText>
                <p className="text-xs text-slate-600">
                  {t('catalog.hs', { code: formatHsCode(product.hsCode) })} ·{' '}
                  {t('catalog.moq', { moq: product.moq.toLocaleString(locale), unit: product.unit })}
                </p>
              </div>
            </div>
            {readyForViewer && ready.has(product.id) ? (
              <p>
                <ReadyBadge market={readyForViewer.market} yours />
              </p>
            ) : null}
            <table className="text-xs">
              <caption className="sr-only">{t('catalog.priceTiers')}</caption>
              <tbody>
                {product.priceTiers.map((tier) => (
                  <tr key={tier.minQuantity}>
                    <td className="pr-2 text-slate-600">≥ {tier.minQuantity.toLocaleString(locale)}</td>
                    <td className="font-semibold">{formatMoney(tier.unitPriceMinor, tier.currency, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="text-xs text-slate-600">
              {product.incoterms.join(' · ')} · {t('catalog.leadTime', { count: product.leadTimeDays })}
            </p>
            <p className="text-xs text-slate-600">
              {product.sample
                ? product.sample.priceMinor === 0
                  ? t('catalog.sampleFree', { max: product.sample.maxQuantity })
                  : t('catalog.samplePrice', {
                      price: formatMoney(product.sample.priceMinor, product.sample.currency, locale),
                      max: product.sample.maxQuantity,
                    })
                : t('catalog.sampleNone')}
            </p>
            {product.certifications.length ? (
              <ul className="flex flex-wrap gap-1">
                {product.certifications.map((cert) => (
                  <li
                    key={`${cert.type}-${cert.market}`}
                    title={cert.validUntil ? t('catalog.certificationValidUntil', { date: formatDate(cert.validUntil, { locale, timeZone }) }) : undefined}
                    className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200"
                  >
                    {cert.type} · {cert.market}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="mt-auto flex flex-wrap gap-2 pt-2">
              {onRequestQuote ? (
                <button
                  type="button"
                  className={buttonClass('primary', 'min-h-8 px-3 py-1 text-xs')}
                  onClick={() => {
                    onOpen?.(product, 'quote')
                    onRequestQuote(product)
                  }}
                >
                  {t('liveRoom.requestQuote')}
                </button>
              ) : guestQuoteReturnTo ? (
                <GuestQuoteOffer product={product} returnTo={guestQuoteReturnTo(product)} />
              ) : null}
              {renderExtraActions?.(product)}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}

/**
 * "Request quote" for a visitor who is not signed in: it says what happens and offers both ways in, each
 * coming back to `returnTo` (validated as a same-site path by sign-in and sign-up) with the form open.
 */
function GuestQuoteOffer({ product, returnTo }: { product: PinnedProductView; returnTo: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const query = `?${new URLSearchParams({ redirectTo: returnTo })}`
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        className={buttonClass('primary', 'min-h-8 px-3 py-1 text-xs')}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        {t('liveRoom.requestQuote')}
      </button>
      <div id={panelId} hidden={!open} className="basis-full space-y-2 rounded-md bg-slate-50 p-2 text-xs text-slate-700 ring-1 ring-slate-200">
        <p>{t('account.guestQuote.intro', { product: product.name })}</p>
        <div className="flex flex-wrap gap-2">
          <Link to={`/signup${query}`} className={buttonClass('primary', 'min-h-8 px-3 py-1 text-xs')}>
            {t('account.guestQuote.signUp')}
          </Link>
          <Link to={`/login${query}`} className={buttonClass('secondary', 'min-h-8 px-3 py-1 text-xs')}>
            {t('account.guestQuote.signIn')}
          </Link>
        </div>
      </div>
    </>
  )
}

/** Host control: choose which of their products are on screen. */
export function ProductPinner({
  products,
  pinnedIds,
  onToggle,
}: {
  products: ReadonlyArray<{ id: string; name: string }>
  pinnedIds: readonly string[]
  onToggle: (productId: string, pinned: boolean) => Promise<string | null>
}) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  return (
    <fieldset className="space-y-1 text-sm">
      <legend className="font-semibold">{t('liveRoom.pinProducts')}</legend>
      <ul className="max-h-56 space-y-1 overflow-y-auto">
        {products.map((product) => {
          const pinned = pinnedIds.includes(product.id)
          return (
            <li key={product.id}>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={pinned} onChange={() => void onToggle(product.id, !pinned).then(setError)} />
                {product.name}
              </label>
            </li>
          )
        })}
      </ul>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
