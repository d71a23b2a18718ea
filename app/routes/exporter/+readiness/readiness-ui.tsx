import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { marketName } from '~/components/certification-labels'
import { ItemStatusBadge, MarketStatusBadge } from '~/components/readiness-status'
import { pickLocalizedText } from '~/domain/catalog/translations'
import type { MarketReadinessView, ReadinessItemView } from '~/domain/readiness/readiness-view'
import { countryOptions } from '~/lib/countries'
import { contentLanguageOf } from '~/lib/languages'
import { dayStart, formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'

// Export readiness as the exporter area shows it: the product editor's panel and the links into it (badges
// in app/components/readiness-status.tsx, market names in certification-labels.ts). Client-safe: the data
// comes from the loaders.

/** "?market=…#readiness-…": the product editor's readiness block for a market (the matrix links there, certificates come back there). */
export function readinessSectionPath(productId: string, market: string, shipDate?: string | null): string {
  const query = new URLSearchParams({ market, ...(shipDate ? { ship: shipDate } : {}) })
  return `/exporter/products/${productId}?${query.toString()}#readiness-${market}`
}

/** The certificate form prefilled for a missing requirement, coming back to this product's block afterwards. */
function addCertificatePath(productId: string, item: ReadinessItemView, market: string, shipDate: string | null): string {
  const query = new URLSearchParams({
    type: item.requirement.documentTypes[0] ?? '',
    market: item.requirement.market,
    product: productId,
    redirectTo: readinessSectionPath(productId, market, shipDate),
  })
  return `/exporter/certifications?${query.toString()}#editor`
}

function RequirementItem({ item, productId, market, shipDate }: { item: ReadinessItemView; productId: string; market: string; shipDate: string | null }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { requirement } = item
  const name = pickLocalizedText(requirement.name.en, requirement.name, locale)
  const howToGet = pickLocalizedText(requirement.howToGet.en, requirement.howToGet, locale)
  const day = (value: string) => formatDate(`${value}T00:00:00Z`, { locale, timeZone: 'UTC' })
  const held = item.document
  return (
    <li className="space-y-1 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <ItemStatusBadge status={item.status} />
        <span className="font-medium" lang={name.lang === contentLanguageOf(locale) ? undefined : name.lang}>
          {name.text}
        </span>
        <span className="text-xs text-slate-500">
          {t(`readiness.kind.${requirement.kind}`)} · {t(`readiness.scope.${requirement.scope}`)} · {requirement.code}
        </span>
      </div>
      {held ? (
        <p className="text-sm text-slate-700">
          {held.validUntil
            ? t('readiness.heldDocument', { type: held.type, number: held.number, until: day(held.validUntil) })
            : t('readiness.heldDocumentOpenEnded', { type: held.type, number: held.number })}
        </p>
      ) : null}
      {item.status === 'missing' || item.status === 'expiring' ? (
        <div className="space-y-1 text-sm text-slate-700">
          {item.lapsed ? <p>{t('readiness.lapsedDocument', { type: item.lapsed.type, number: item.lapsed.number })}</p> : null}
          <p>
            <span className="font-medium">{t('readinessExporter.panel.issuers')}:</span>{' '}
            {requirement.issuerTypes.map((issuer) => t(`readiness.issuer.${issuer}`)).join(', ')} ·{' '}
            {t('readiness.leadTime', { min: requirement.leadTimeDays.min, max: requirement.leadTimeDays.max })}
            {requirement.voucherEligible ? ` · ${t('readiness.voucher')}` : ''}
          </p>
          <p>
            <span className="font-medium">{t('readinessExporter.panel.howToGet')}:</span>{' '}
            <span lang={howToGet.lang === contentLanguageOf(locale) ? undefined : howToGet.lang}>{howToGet.text}</span>
          </p>
          {requirement.documentTypes.length > 0 ? (
            <Link
              to={addCertificatePath(productId, item, market, shipDate)}
              className="inline-block font-medium text-brand-700 underline"
              aria-label={t('readinessExporter.panel.addCertificateNamed', { name: name.text })}
            >
              {t('readinessExporter.panel.addCertificate')}
            </Link>
          ) : null}
        </div>
      ) : item.status === 'check' ? (
        <p className="text-sm text-slate-700" lang={howToGet.lang === contentLanguageOf(locale) ? undefined : howToGet.lang}>
          {howToGet.text}
        </p>
      ) : null}
      <p className="text-xs text-slate-500">
        <a
          href={requirement.sourceUrl}
          rel="noopener"
          target="_blank"
          className="underline"
          aria-label={t('readinessExporter.panel.openSource', { source: t('readiness.source'), name: name.text })}
        >
          {t('readiness.source')}
        </a>{' '}
        · {requirement.checkedOn ? t('readiness.checkedOn', { date: day(requirement.checkedOn) }) : t('readiness.notChecked')}
      </p>
    </li>
  )
}

/**
 * The product editor's "Export readiness" section: a market picker and ship date (GET parameters, so the
 * view is linkable), then one block per market with each requirement and what to do about it.
 */
export function ProductReadinessPanel({
  productId,
  readiness,
}: {
  productId: string
  readiness: {
    targetMarkets: string[]
    majorMarkets: readonly string[]
    market: string | null
    shipDate: string
    shipParam: string | null
    markets: MarketReadinessView[]
  }
}) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const majors = readiness.majorMarkets.map((code) => ({ value: code, label: marketName(t, code, locale) }))
  const targets = new Set(readiness.targetMarkets.map((code) => code.toUpperCase()))
  return (
    <section id="readiness" aria-labelledby="readiness-title" className="mt-8 space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div>
        <h2 id="readiness-title" className="text-lg font-semibold text-slate-900">
          {t('readinessExporter.panel.title')}
        </h2>
        <p className="text-sm text-slate-600">{t('readinessExporter.panel.intro')}</p>
      </div>
      <Form method="get" preventScrollReset className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          <span className="font-medium">{t('readinessExporter.panel.market')}</span>
          <select name="market" defaultValue={readiness.market ?? ''} className="mt-1 rounded-md border-slate-300 text-sm">
            <option value="">—</option>
            <optgroup label={t('readinessExporter.panel.majorMarkets')}>
              {majors.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('readinessExporter.panel.allCountries')}>
              {countryOptions(locale).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium">{t('readiness.shipDate')}</span>
          {/* Empty unless the URL chose a day, so showing another market does not pin the default date. */}
          <input
            type="date"
            name="ship"
            defaultValue={readiness.shipParam ?? ''}
            aria-describedby="readiness-ship-default"
            className="mt-1 rounded-md border-slate-300 text-sm"
          />
          <span id="readiness-ship-default" className="mt-1 text-xs text-slate-500">
            {t('readinessExporter.panel.shipDefault', { date: formatDate(dayStart(readiness.shipDate), { locale, timeZone: 'UTC' }) })}
          </span>
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700">
          {t('readinessExporter.panel.show')}
        </button>
      </Form>
      {readiness.markets.length === 0 ? <p className="text-sm text-slate-600">{t('readinessExporter.panel.noMarkets')}</p> : null}
      {readiness.markets.map((block) => (
        <section
          key={block.market}
          id={`readiness-${block.market}`}
          aria-labelledby={`readiness-${block.market}-title`}
          className="rounded-lg p-4 ring-1 ring-slate-200"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={`readiness-${block.market}-title`} className="font-semibold">
              {marketName(t, block.market, locale)}
              {targets.has(block.market) ? <span className="ml-2 text-xs font-normal text-slate-500">{t('readinessExporter.panel.targetMarket')}</span> : null}
            </h3>
            <MarketStatusBadge status={block.status} />
          </div>
          {block.status === 'not-covered' ? null : block.items.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t('readinessExporter.panel.noRequirements')}</p>
          ) : (
            <>
              <p className="mt-1 text-xs text-slate-500">
                {t('readinessExporter.panel.counts', { required: block.required, missing: block.missing, expiring: block.expiring })}
              </p>
              <ul className="divide-y divide-slate-100">
                {block.items.map((item) => (
                  <RequirementItem key={item.requirement.code} item={item} productId={productId} market={block.market} shipDate={readiness.shipParam} />
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
      <p className="text-xs text-slate-500">{t('readiness.disclaimer')}</p>
    </section>
  )
}
