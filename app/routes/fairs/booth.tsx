import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/booth'
import { ContentText } from '~/components/content-text'
import { SessionTime } from '~/components/session-time'
import { StatusBadge } from '~/components/status-badge'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { handleBoothAction, loadBoothPage } from './booth.server'
import { PreferenceButtons } from '~/components/preference-buttons'
import { formatHsCode } from '~/domain/catalog/product-rules'
import type { LanguageAlternatesHandle } from '~/lib/language-alternates'
import { pageTitle } from '~/lib/meta'
import { useRootData } from '~/lib/use-root-data'

// A public page: the document lists its language versions (hreflang) and its canonical URL.
export const handle: LanguageAlternatesHandle = { alternates: true }

export const meta: Route.MetaFunction = (args) => pageTitle(args, () => [args.loaderData.company.name, args.loaderData.fair.name])

export async function loader({ request, params }: Route.LoaderArgs) {
  return loadBoothPage(request, params.slug, params.code)
}

export async function action({ request, params }: Route.ActionArgs) {
  return handleBoothAction(request, params.slug, params.code)
}

export default function BoothRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { fair, booth, company, products, upcoming, past, preference } = loaderData
  const firstProduct = products[0]
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to={`/fairs/${fair.slug}`} className="hover:underline">
            {fair.name}
          </Link>{' '}
          · {t('fairs.boothCode')} {booth.code}
          {booth.hall ? ` · ${booth.hall}` : ''}
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{company.name}</h1>
        <p className="text-sm text-slate-600">
          {company.place} · {company.industry}
        </p>
        {booth.headline ? <p className="mt-2 text-lg text-slate-800">{booth.headline}</p> : null}
        <div className="mt-4 flex flex-wrap gap-3">
          <Link to={`/meetings/new?company=${encodeURIComponent(company.slug)}&fair=${encodeURIComponent(fair.slug)}`} className={buttonClass()}>
            {t('fairs.requestMeeting')}
          </Link>
          {firstProduct ? (
            <Link to={`/catalog/${firstProduct.id}#rfq`} className={buttonClass('secondary')}>
              {t('fairs.sendInquiry')}
            </Link>
          ) : null}
          <Link to={`/exporters/${company.slug}`} className={buttonClass('ghost')}>
            {t('fairs.companyProfile')}
          </Link>
        </div>
        {preference ? (
          <section aria-labelledby="preference-title" className="mt-4">
            <h2 id="preference-title" className="text-sm font-medium text-slate-800">
              {t('meetings.preference.title')}
            </h2>
            <p className="mb-2 text-xs text-slate-500">{t('meetings.preference.hint')}</p>
            <PreferenceButtons level={preference.level} label={t('meetings.preference.groupLabel', { name: company.name })} />
          </section>
        ) : null}
      </header>
      {company.description.text ? (
        <ContentText as="p" lang={company.description.lang} className="max-w-3xl text-slate-700">
          {company.description.text}
        </ContentText>
      ) : null}
      <Card id="products" title={t('fairs.featuredProducts')}>
        {products.length === 0 ? (
          <EmptyState>{t('common.none')}</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {products.map((p) => (
              <li key={p.id} className="rounded-lg p-3 ring-1 ring-slate-200">
                <ContentText lang={p.nameLang}>
                  <Link to={`/catalog/${p.id}`} className="font-medium hover:underline">
                    {p.name}
                  </Link>
                </ContentText>
                <p className="text-xs text-slate-500">
                  {t('catalog.hs', { code: formatHsCode(p.hsCode) })} · {t('catalog.moq', { moq: p.moq.toLocaleString(locale), unit: p.unit })}
                </p>
                <Link to={`/catalog/${p.id}#rfq`} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                  {t('fairs.sendInquiry')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="upcoming" title={t('fairs.upcomingSessions')}>
          {upcoming.length === 0 ? (
            <EmptyState>{t('common.none')}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {upcoming.map((s) => (
                <li key={s.id} className="py-2">
                  <p className="font-medium">
                    <Link to={`/live/${s.id}`} className="text-brand-700 hover:underline">
                      {s.title}
                    </Link>{' '}
                    {s.state === 'live' ? <StatusBadge status="LIVE" /> : null}
                  </p>
                  <SessionTime session={s} fairZone={fair.timeZone} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card id="past" title={t('fairs.pastSessions')}>
          {past.length === 0 ? (
            <EmptyState>{t('common.none')}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {past.map((s) => (
                <li key={s.id} className="py-2">
                  <p className="font-medium">
                    <Link to={`/live/${s.id}`} className="text-brand-700 hover:underline">
                      {s.title}
                    </Link>
                  </p>
                  <p className="text-xs text-slate-500">{t('fairs.viewersCount', { count: s.uniqueViewers })}</p>
                  <SessionTime session={s} fairZone={fair.timeZone} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  )
}
