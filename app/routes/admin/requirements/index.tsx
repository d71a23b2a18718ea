import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { Route } from './+types/index'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Cell, RowHeader, Table } from '~/components/ui/table'
import { pickLocalizedText } from '~/domain/catalog/translations'
import { recentChanges } from '~/domain/readiness/catalogue-admin.server'
import { loadCatalogue } from '~/domain/readiness/catalogue.server'
import { requirementsFor } from '~/domain/readiness/readiness'
import { MAJOR_MARKETS } from '~/domain/readiness/readiness.server'
import { HsPrefixSchema } from '~/domain/readiness/requirement-schema'
import { pageTitle } from '~/lib/meta'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { useMarketName } from '~/components/certification-labels'
import { ChangeList } from './+shared/change-list'
import { requireCatalogueAdmin } from './+shared/requirement-editor.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('readinessAdmin.list.title')])

export async function loader({ request }: Route.LoaderArgs) {
  await requireCatalogueAdmin(request)
  const url = new URL(request.url)
  const catalogue = await loadCatalogue()
  const markets = [...new Set(catalogue.map((requirement) => requirement.market))].sort()
  const marketParam = (url.searchParams.get('market') ?? '').toUpperCase()
  const market = markets.includes(marketParam) ? marketParam : ''
  const hsInput = (url.searchParams.get('hs') ?? '').trim().slice(0, 20)
  const hs = HsPrefixSchema.safeParse(hsInput).success ? hsInput : null
  // "What applies to this HS code": each major market, then every other market the catalogue names.
  const major: readonly string[] = MAJOR_MARKETS
  const hsMarkets = [...major, ...markets.filter((code) => !major.includes(code))]
  const forHs = hs
    ? hsMarkets.map((code) => ({ market: code, requirements: requirementsFor(catalogue, hs, code).map(({ code, market, name }) => ({ code, market, name })) }))
    : []
  return {
    markets,
    market,
    hsInput,
    hs,
    forHs,
    total: catalogue.length,
    requirements: catalogue
      .filter((requirement) => !market || requirement.market === market)
      .map(({ code, market, kind, name, hs, exceptHs, documentTypes, checkedOn }) => ({ code, market, kind, name, hs, exceptHs, documentTypes, checkedOn })),
    recent: await recentChanges({ take: 15 }),
  }
}

export default function RequirementsList({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const marketName = useMarketName()
  const { requirements, markets, market, hsInput, hs, forHs } = loaderData
  const text = (name: (typeof requirements)[number]['name']) => pickLocalizedText(name.en, name, locale)
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t('readinessAdmin.list.title')}</h1>
          <p className="text-sm text-slate-600">{t('readinessAdmin.list.intro', { total: loaderData.total })}</p>
        </div>
        <Link to="/admin/requirements/new" className={buttonClass('primary')}>
          {t('readinessAdmin.list.new')}
        </Link>
      </header>
      <p role="note" className="rounded-md bg-slate-50 p-3 text-xs text-slate-600 ring-1 ring-slate-200">
        {t('readiness.disclaimer')}
      </p>

      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t('readinessAdmin.list.filters')}>
        <div>
          <label htmlFor="requirements-market" className="block text-sm font-medium text-slate-800">
            {t('readinessAdmin.fields.market')}
          </label>
          <select
            id="requirements-market"
            name="market"
            defaultValue={market}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">{t('readinessAdmin.list.allMarkets')}</option>
            {markets.map((code) => (
              <option key={code} value={code}>
                {code} · {marketName(code)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="requirements-hs" className="block text-sm font-medium text-slate-800">
            {t('readinessAdmin.list.hsLabel')}
          </label>
          <input
            id="requirements-hs"
            name="hs"
            type="text"
            inputMode="numeric"
            defaultValue={hsInput}
            aria-describedby="requirements-hs-hint"
            className="mt-1 block w-40 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          {t('readinessAdmin.list.apply')}
        </button>
        <p id="requirements-hs-hint" className="w-full text-xs text-slate-500">
          {t('readinessAdmin.list.hsHint')}
        </p>
      </Form>

      {hsInput && !hs ? (
        <p role="alert" className="text-sm text-red-700">
          {t('readiness.errors.hsPrefix')}
        </p>
      ) : null}
      {hs ? (
        <Card id="for-hs" title={t('readinessAdmin.list.forHsTitle', { hs })}>
          <Table
            caption={t('readinessAdmin.list.forHsTitle', { hs })}
            testId="requirements-for-hs"
            columns={[{ label: t('readinessAdmin.fields.market') }, { label: t('readinessAdmin.list.applies') }]}
          >
            {forHs.map((row) => (
              <tr key={row.market}>
                <RowHeader>
                  {row.market} · {marketName(row.market)}
                </RowHeader>
                <Cell>
                  {row.requirements.length === 0 ? (
                    <span className="text-slate-500">{t('readinessAdmin.list.noneApply')}</span>
                  ) : (
                    <ul>
                      {row.requirements.map((requirement) => {
                        const name = text(requirement.name)
                        return (
                          <li key={requirement.code}>
                            <Link to={`/admin/requirements/${encodeURIComponent(requirement.code)}`} className="font-mono text-brand-700 hover:underline">
                              {requirement.code}
                            </Link>{' '}
                            <span lang={name.lang}>{name.text}</span>
                          </li>
                        )
                      })}
                    </ul>
                  )}
                </Cell>
              </tr>
            ))}
          </Table>
        </Card>
      ) : null}

      <Card id="requirements" title={market ? t('readinessAdmin.list.inMarket', { market: marketName(market) }) : t('readinessAdmin.list.all')}>
        {requirements.length === 0 ? (
          <EmptyState>{t('readinessAdmin.list.empty')}</EmptyState>
        ) : (
          <Table
            caption={t('readinessAdmin.list.title')}
            testId="requirements-table"
            columns={[
              { label: t('readinessAdmin.fields.code') },
              { label: t('readinessAdmin.fields.market') },
              { label: t('readinessAdmin.fields.name') },
              { label: t('readinessAdmin.fields.kind') },
              { label: t('readinessAdmin.fields.hs') },
              { label: t('readinessAdmin.fields.checkedOn') },
            ]}
          >
            {requirements.map((requirement) => {
              const name = text(requirement.name)
              return (
                <tr key={requirement.code}>
                  <RowHeader>
                    <Link to={`/admin/requirements/${encodeURIComponent(requirement.code)}`} className="font-mono text-brand-700 hover:underline">
                      {requirement.code}
                    </Link>
                  </RowHeader>
                  <Cell>{requirement.market}</Cell>
                  <Cell>
                    <span lang={name.lang}>{name.text}</span>
                  </Cell>
                  <Cell>{t(`readiness.kind.${requirement.kind}`)}</Cell>
                  <Cell>
                    <span className="font-mono text-xs">{requirement.hs.join(', ')}</span>
                    {requirement.exceptHs.length ? (
                      <span className="block text-xs text-slate-500">{t('readinessAdmin.list.except', { list: requirement.exceptHs.join(', ') })}</span>
                    ) : null}
                  </Cell>
                  <Cell>
                    {requirement.checkedOn ? formatDate(`${requirement.checkedOn}T00:00:00Z`, { locale, timeZone: 'UTC' }) : t('readiness.notChecked')}
                  </Cell>
                </tr>
              )
            })}
          </Table>
        )}
      </Card>

      <Card id="recent-changes" title={t('readinessAdmin.history.recentTitle')}>
        <ChangeList entries={loaderData.recent} showCode />
      </Card>
    </div>
  )
}
