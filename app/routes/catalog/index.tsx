import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/index'
import { ProductCard } from '~/components/product-card'
import { useMarketName } from '~/components/certification-labels'
import { Button, buttonClass } from '~/components/ui/button'
import { INCOTERMS } from '~/domain/catalog/product-rules'
import { MARKET_BLOCS } from '~/domain/catalog/markets'
import { parseCatalogQuery, SORTS } from '~/domain/catalog/search-params'
import { getCatalogFacets, searchCatalog } from '~/domain/catalog/search.server'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { countryOptions } from '~/lib/countries'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import type { LanguageAlternatesHandle } from '~/lib/language-alternates'
import { pageTitle } from '~/lib/meta'

// A public page: the document lists its language versions (hreflang) and its canonical URL.
export const handle: LanguageAlternatesHandle = { alternates: true }

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.catalog')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const { query, rejected } = parseCatalogQuery(new URL(request.url).searchParams)
  const buyerCountry = user?.buyerProfile?.country ?? null
  const [results, facets] = await Promise.all([searchCatalog(query, { locale, readerCountry: buyerCountry }), getCatalogFacets(locale)])
  return { ...results, facets, rejected, query, buyerCountry }
}

const SELECT_CLASS = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm'

export default function CatalogRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/catalog'
  const { cards, total, page, pageCount, facets, rejected, query, readiness, buyerCountry } = loaderData
  const marketName = useMarketName()
  const markets = useMemo(() => [...MARKET_BLOCS.map((bloc) => ({ value: bloc, label: bloc })), ...countryOptions(locale)], [locale])
  const pageLink = (target: number) => {
    const next = new URLSearchParams(searchParams)
    next.set('page', String(target))
    return `/catalog?${next}`
  }
  const value = (key: string) => searchParams.get(key) ?? ''

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('catalog.title')}</h1>
      <Form method="get" role="search" className="grid gap-6 lg:grid-cols-[16rem_1fr]" key={searchParams.toString()}>
        <aside aria-label={t('catalog.filters')} className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h2 className="font-semibold">{t('catalog.filters')}</h2>
          <label className="block text-sm">
            {t('catalog.category')}
            <select name="category" defaultValue={value('category')} className={SELECT_CLASS}>
              <option value="">{t('catalog.anyCategory')}</option>
              {facets.categories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            {t('catalog.hsPrefix')}
            <input name="hs" inputMode="numeric" defaultValue={value('hs')} placeholder="3304" className={SELECT_CLASS} />
          </label>
          <label className="block text-sm">
            {t('catalog.certMarket')}
            <select name="market" defaultValue={value('market')} className={SELECT_CLASS}>
              <option value="">{t('catalog.anyMarket')}</option>
              {markets.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            {t('catalog.certType')}
            <select name="certType" defaultValue={value('certType')} className={SELECT_CLASS}>
              <option value="">{t('catalog.anyCertification')}</option>
              {facets.certificationTypes.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </label>
          <ReadyForFilter buyerCountry={buyerCountry} selected={query.readyFor ?? null} markets={markets} />
          <label className="block text-sm">
            {t('catalog.maxMoq')}
            <input name="maxMoq" type="number" min={1} defaultValue={value('maxMoq')} className={SELECT_CLASS} />
          </label>
          <fieldset className="text-sm">
            <legend>{t('catalog.priceRange')}</legend>
            <div className="flex gap-2">
              <label className="flex-1">
                <span className="sr-only">{t('catalog.priceMin')}</span>
                <input
                  name="priceMin"
                  type="number"
                  min={0}
                  step="0.01"
                  placeholder={t('catalog.priceMin')}
                  defaultValue={value('priceMin')}
                  className={SELECT_CLASS}
                />
              </label>
              <label className="flex-1">
                <span className="sr-only">{t('catalog.priceMax')}</span>
                <input
                  name="priceMax"
                  type="number"
                  min={0}
                  step="0.01"
                  placeholder={t('catalog.priceMax')}
                  defaultValue={value('priceMax')}
                  className={SELECT_CLASS}
                />
              </label>
            </div>
          </fieldset>
          <label className="block text-sm">
            {t('catalog.region')}
            <select name="region" defaultValue={value('region')} className={SELECT_CLASS}>
              <option value="">{t('catalog.anyRegion')}</option>
              {facets.places.map((place) => (
                <option key={place} value={place}>
                  {place}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            {t('catalog.incoterm')}
            <select name="incoterm" defaultValue={value('incoterm')} className={SELECT_CLASS}>
              <option value="">{t('catalog.anyIncoterm')}</option>
              {INCOTERMS.map((term) => (
                <option key={term} value={term}>
                  {term}
                </option>
              ))}
            </select>
          </label>
          <div className="flex gap-2 pt-2">
            <Button type="submit" className="flex-1">
              {t('catalog.applyFilters')}
            </Button>
            <Link to="/catalog" className={buttonClass('ghost')}>
              {t('catalog.clearFilters')}
            </Link>
          </div>
        </aside>
        <section aria-labelledby="results-title" className="space-y-4">
          <div className="flex flex-wrap items-end gap-3">
            <label className="min-w-64 flex-1 text-sm">
              {t('catalog.searchLabel')}
              <input type="search" name="q" defaultValue={value('q')} placeholder={t('catalog.searchPlaceholder')} className={SELECT_CLASS} />
            </label>
            <label className="text-sm">
              {t('catalog.sort')}
              <select name="sort" defaultValue={value('sort')} className={SELECT_CLASS}>
                <option value="">{t(query.q ? 'catalog.sorts.relevance' : 'catalog.sorts.newest')}</option>
                {SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`catalog.sorts.${sort}`)}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit">{t('catalog.search')}</Button>
          </div>
          <div className="flex items-center justify-between" aria-live="polite">
            <h2 id="results-title" className="text-sm font-medium text-slate-700">
              {searching ? t('common.loading') : t('catalog.results', { count: total })}
            </h2>
          </div>
          {rejected.length ? (
            <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
              {t('catalog.rejectedFilters', { fields: rejected.join(', ') })}
            </p>
          ) : null}
          {readiness ? (
            <p
              role="status"
              className={`rounded-md p-3 text-sm ring-1 ${readiness.applied ? 'bg-emerald-50 text-emerald-900 ring-emerald-200' : 'bg-amber-50 text-amber-900 ring-amber-200'}`}
            >
              {readiness.applied
                ? t('readinessBuyer.filterApplied', { market: marketName(readiness.market) })
                : t('readinessBuyer.notCovered', { market: marketName(readiness.market) })}{' '}
              <span className="text-xs">{t('readiness.disclaimer')}</span>
            </p>
          ) : null}
          {cards.length === 0 ? (
            <p className="rounded-xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">{t('catalog.noResults')}</p>
          ) : (
            <ul className={`grid gap-4 sm:grid-cols-2 xl:grid-cols-3 ${searching ? 'opacity-60' : ''}`}>
              {cards.map((card) => (
                <li key={card.id}>
                  <ProductCard product={card} />
                </li>
              ))}
            </ul>
          )}
          {pageCount > 1 ? (
            <nav aria-label={t('catalog.pagination')} className="flex items-center justify-between gap-2 text-sm">
              {page > 1 ? (
                <Link to={pageLink(page - 1)} className={buttonClass('secondary')}>
                  {t('catalog.previous')}
                </Link>
              ) : (
                <span />
              )}
              <span>{t('catalog.page', { page, pages: pageCount })}</span>
              {page < pageCount ? (
                <Link to={pageLink(page + 1)} className={buttonClass('secondary')}>
                  {t('catalog.next')}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </section>
      </Form>
    </div>
  )
}

/**
 * "Ready for my market": a buyer's own country is a checkbox; anyone may pick another market. While the
 * checkbox is ticked the other choice is disabled (so not submitted); the form remounts per search.
 */
function ReadyForFilter({
  buyerCountry,
  selected,
  markets,
}: {
  buyerCountry: string | null
  selected: string | null
  markets: ReadonlyArray<{ value: string; label: string }>
}) {
  const { t } = useTranslation()
  const marketName = useMarketName()
  const [mine, setMine] = useState(buyerCountry !== null && selected === buyerCountry)
  return (
    <fieldset className="space-y-1 text-sm">
      <legend>{t('readinessBuyer.filterLegend')}</legend>
      {buyerCountry ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="readyFor" value={buyerCountry} checked={mine} onChange={(event) => setMine(event.currentTarget.checked)} />
          {t('readinessBuyer.readyFor', { market: marketName(buyerCountry) })}
        </label>
      ) : null}
      <label className="block">
        {buyerCountry ? t('readinessBuyer.otherMarket') : t('readinessBuyer.market')}
        <select name="readyFor" disabled={mine} defaultValue={selected && selected !== buyerCountry ? selected : ''} className={SELECT_CLASS}>
          <option value="">{t('readinessBuyer.anyMarket')}</option>
          {markets.map((m) => (
            <option key={m.value} value={m.value}>
              {MARKET_BLOCS.includes(m.value) ? marketName(m.value) : m.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  )
}
