import { useTranslation } from 'react-i18next'
import { ContentText } from '~/components/content-text'
import { buttonClass } from '~/components/ui/button'
import { formatMoney } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'
import type { PinnedProductView } from '~/protocol/live'

// The embed page's frame: the video fills what the iframe leaves after a one-line title bar and, when the
// frame is tall enough, a strip of product cards. Every link leaves the frame for a new Tradecast tab.

/** Links out of the frame: a new tab, without a handle back to the embedding page. */
const OUT = { target: '_blank', rel: 'noopener' } as const

export function EmbedShell({
  embed,
  badge,
  products,
  children,
}: {
  embed: { id: string; title: string; companyName: string }
  badge: React.ReactNode
  products: React.ReactNode
  children: React.ReactNode
}) {
  const { t } = useTranslation()
  return (
    <section aria-label={t('embed.player.label')} className="flex h-dvh min-h-0 w-full flex-col overflow-hidden bg-slate-950 text-white">
      <header className="flex min-w-0 shrink-0 items-center gap-2 px-2 py-1 text-xs sm:text-sm">
        {badge}
        <h1 className="min-w-0 flex-1 truncate font-semibold">
          {embed.title} <span className="font-normal text-slate-300">{t('embed.player.by', { company: embed.companyName })}</span>
        </h1>
        <a href={`/live/${embed.id}`} {...OUT} className="shrink-0 text-slate-200 underline hover:text-white">
          {t('embed.player.watchOnTradecast')}
          <span className="sr-only"> {t('embed.player.opensInNewTab')}</span>
        </a>
      </header>
      <div className="min-h-0 flex-1">{children}</div>
      {/* Below ~16rem of height the frame is all video: the product strip would leave no room for it. */}
      <div className="hidden max-h-[40%] shrink-0 overflow-y-auto [@media(min-height:16rem)]:block">{products}</div>
    </section>
  )
}

export function Overlay({ children }: { children: React.ReactNode }) {
  return (
    <div role="status" className="absolute inset-0 grid place-items-center p-4 text-center text-sm text-white sm:text-lg">
      <div className="space-y-3">{children}</div>
    </div>
  )
}

/** The pinned product cards, compact: name (to the product page), MOQ, lowest price, "Request quote". */
export function EmbedProducts({ sessionId, products }: { sessionId: string; products: readonly PinnedProductView[] }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  return (
    <section aria-labelledby="embed-products-title" className="bg-white px-2 py-2 text-slate-900">
      <h2 id="embed-products-title" className="sr-only">
        {t('embed.player.products')}
      </h2>
      {products.length === 0 ? <p className="text-xs text-slate-500">{t('embed.player.noProducts')}</p> : null}
      <ul className="flex gap-2 overflow-x-auto">
        {products.map((product) => {
          // The product page, with this showcase as the quote's source; #rfq is its quote form.
          const productUrl = `/catalog/${product.id}?${new URLSearchParams({ session: sessionId })}`
          const lowest = [...product.priceTiers].sort((a, b) => a.unitPriceMinor - b.unitPriceMinor)[0]
          return (
            <li key={product.id} data-testid="embed-product" className="flex min-w-48 max-w-64 shrink-0 gap-2 rounded-lg p-2 text-xs ring-1 ring-slate-200">
              {product.image ? <img src={product.image} alt="" className="size-12 shrink-0 rounded object-cover" /> : null}
              <div className="min-w-0 space-y-1">
                <ContentText as="p" lang={product.nameLang} className="truncate font-semibold">
                  <a href={productUrl} {...OUT} className="hover:underline">
                    {product.name}
                    <span className="sr-only"> {t('embed.player.opensInNewTab')}</span>
                  </a>
                </ContentText>
                <p className="text-slate-600">
                  {t('catalog.moq', { moq: product.moq.toLocaleString(locale), unit: product.unit })}
                  {lowest ? ` · ${t('embed.player.priceFrom', { price: formatMoney(lowest.unitPriceMinor, lowest.currency, locale) })}` : null}
                </p>
                <a href={`${productUrl}#rfq`} {...OUT} className={buttonClass('primary', 'min-h-7 px-2 py-0.5 text-xs')}>
                  {t('embed.player.requestQuote')}
                  <span className="sr-only"> {t('embed.player.opensInNewTab')}</span>
                </a>
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

export function NotAvailable({ notFound }: { notFound: boolean }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="embed-unavailable" className="grid h-dvh place-items-center bg-slate-950 p-4 text-center text-white">
      <div className="space-y-2">
        <h1 id="embed-unavailable" className="text-lg font-semibold">
          {notFound ? t('embed.unavailable.title') : t('errors.genericTitle')}
        </h1>
        <p className="text-sm text-slate-300">{notFound ? t('embed.unavailable.body') : t('errors.genericBody')}</p>
        <a href="/live" {...OUT} className="text-sm underline">
          {t('embed.unavailable.visit')}
          <span className="sr-only"> {t('embed.player.opensInNewTab')}</span>
        </a>
      </div>
    </section>
  )
}
