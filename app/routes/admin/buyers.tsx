import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { Route } from './+types/buyers'
import { handleAdminBuyersAction, loadAdminBuyers } from './buyers.server'
import { BuyerVerificationControls } from '~/components/verified-buyer'
import { Button } from '~/components/ui/button'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { Cell, Table } from '~/components/ui/table'
import { countryName } from '~/lib/countries'
import { pageTitle } from '~/lib/meta'
import { useRootData } from '~/lib/use-root-data'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('buyerVerification.admin.title')])

export async function loader({ request }: Route.LoaderArgs) {
  return loadAdminBuyers(request)
}

export async function action({ request }: Route.ActionArgs) {
  return handleAdminBuyersAction(request)
}

const FILTERS = ['all', 'verified', 'unverified'] as const

export default function AdminBuyersRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { buyers, counts, filter } = loaderData
  const failed = actionData as { result?: { error?: Record<string, string[] | null> }; buyerId?: string | null } | undefined
  const link = (verified: string) => {
    const params = new URLSearchParams()
    if (verified !== 'all') params.set('verified', verified)
    if (filter.q) params.set('q', filter.q)
    const query = params.toString()
    return query ? `/admin/buyers?${query}` : '/admin/buyers'
  }
  const chip = 'rounded-full px-3 py-1 text-sm ring-1 ring-slate-300'
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t('buyerVerification.admin.title')}</h1>
      <p className="max-w-3xl text-sm text-slate-600">{t('buyerVerification.admin.intro')}</p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <nav aria-label={t('buyerVerification.admin.filter')} className="flex flex-wrap gap-2">
          {FILTERS.map((value) => (
            <Link
              key={value}
              to={link(value)}
              className={`${chip} ${filter.verified === value ? 'bg-slate-900 text-white ring-slate-900' : ''}`}
              aria-current={filter.verified === value ? 'page' : undefined}
            >
              {t(`buyerVerification.admin.filters.${value}`)} ({counts[value]})
            </Link>
          ))}
        </nav>
        <Form method="get" role="search" className="flex items-end gap-2">
          {filter.verified !== 'all' ? <input type="hidden" name="verified" value={filter.verified} /> : null}
          <label className="text-sm">
            {t('buyerVerification.admin.search')}
            <input type="search" name="q" defaultValue={filter.q ?? ''} maxLength={100} className="mt-1 block rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <Button type="submit" variant="secondary" className="min-h-8 px-3 py-1">
            {t('buyerVerification.admin.searchButton')}
          </Button>
        </Form>
      </div>
      <Card id="buyers" title={t('buyerVerification.admin.count', { count: buyers.length })}>
        {buyers.length === 0 ? (
          <EmptyState>{t('common.none')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('buyers')}
            columns={[{ label: t('buyerVerification.admin.company') }, { label: t('fairs.country') }, { label: t('buyerVerification.admin.verification') }]}
          >
            {buyers.map((buyer) => (
              <tr key={buyer.id} data-testid={`buyer-${buyer.id}`}>
                <Cell>
                  {buyer.companyName}
                  <span className="block text-xs text-slate-500">
                    {buyer.contactName} · {buyer.contactEmail}
                  </span>
                </Cell>
                <Cell>{countryName(buyer.country, locale)}</Cell>
                <Cell className="min-w-64">
                  <BuyerVerificationControls
                    buyerId={buyer.id}
                    companyName={buyer.companyName}
                    badge={buyer.badge}
                    history={buyer.history}
                    errors={failed?.buyerId === buyer.id ? (failed.result?.error?.[''] ?? undefined) : undefined}
                  />
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  )
}
