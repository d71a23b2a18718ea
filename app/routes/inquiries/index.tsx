import { useTranslation } from 'react-i18next'
import { data, Link, NavLink, useSearchParams } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/index'
import { StatusBadge } from '~/components/status-badge'
import { VerifiedBuyerBadge } from '~/components/verified-buyer'
import { Card, EmptyState } from '~/components/ui/card'
import { requireUser } from '~/domain/accounts/session.server'
import { INQUIRY_STATUSES } from '~/domain/inquiries/pipeline'
import { listInquiries } from '~/domain/inquiries/queries.server'
import { countryName } from '~/lib/countries'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import { requireCompanyActorForScope } from '~/domain/agencies/actor.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.inquiries')])

const FilterSchema = z.object({
  status: z.enum(INQUIRY_STATUSES).optional().catch(undefined),
  unread: z.literal('1').optional().catch(undefined),
  // Exporters: only verified buyers, or verified buyers first (docs/verified-buyers.md).
  verified: z.literal('1').optional().catch(undefined),
  sort: z.literal('verified-first').optional().catch(undefined),
})

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const locale = await resolveLocale(request, user)
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const query = { ...(filter.status ? { status: filter.status } : {}), unreadOnly: filter.unread === '1' }
  if (user.exporterMember) {
    const exporterQuery = { ...query, verifiedOnly: filter.verified === '1', verifiedFirst: filter.sort === 'verified-first' }
    return { side: 'exporter' as const, ...(await listInquiries({ kind: 'exporter', companyId: user.exporterMember.company.id }, exporterQuery, locale)) }
  }
  if (user.role === 'AGENCY') {
    // An agency member sees the inbox of the company this session acts for, when it granted RFQs & quotes (ADR 026).
    const acting = await requireCompanyActorForScope(request, user, 'RFQS_QUOTES')
    const exporterQuery = { ...query, verifiedOnly: filter.verified === '1', verifiedFirst: filter.sort === 'verified-first' }
    return { side: 'exporter' as const, ...(await listInquiries({ kind: 'exporter', companyId: acting.company.id }, exporterQuery, locale)) }
  }
  if (user.buyerProfile) {
    return { side: 'buyer' as const, ...(await listInquiries({ kind: 'buyer', buyerId: user.buyerProfile.id }, query, locale)) }
  }
  throw data({ reason: 'forbidden' }, { status: 403 })
}

export default function InquiriesRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const [searchParams] = useSearchParams()
  const { side, items, statusCounts, unreadTotal } = loaderData
  const current = searchParams.get('status')
  const verifiedOnly = searchParams.get('verified') === '1'
  const verifiedFirst = searchParams.get('sort') === 'verified-first'
  // The verified-buyer filter and sort stay on while the exporter moves between status chips.
  const filterLink = (status: string | null, unread = false, verified = { only: verifiedOnly, first: verifiedFirst }) => {
    const params = new URLSearchParams()
    if (status) params.set('status', status)
    if (unread) params.set('unread', '1')
    if (side === 'exporter' && verified.only) params.set('verified', '1')
    if (side === 'exporter' && verified.first) params.set('sort', 'verified-first')
    const query = params.toString()
    return query ? `/inquiries?${query}` : '/inquiries'
  }
  const currentUnread = Boolean(searchParams.get('unread'))
  const chip = 'rounded-full px-3 py-1 text-sm ring-1 ring-slate-300'
  const active = 'bg-slate-900 text-white ring-slate-900'
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{side === 'exporter' ? t('inquiries.inboxTitle') : t('inquiries.myTitle')}</h1>
      <nav aria-label={t('catalog.filters')} className="flex flex-wrap gap-2">
        <NavLink to={filterLink(null)} end className={() => `${chip} ${!current && !searchParams.get('unread') ? active : ''}`}>
          {t('inquiries.all')}
        </NavLink>
        <Link to={filterLink(null, true)} className={`${chip} ${searchParams.get('unread') ? active : ''}`}>
          {t('inquiries.unreadOnly')} ({unreadTotal})
        </Link>
        {INQUIRY_STATUSES.map((status) => (
          <Link
            key={status}
            to={filterLink(status)}
            className={`${chip} ${current === status ? active : ''}`}
            aria-current={current === status ? 'page' : undefined}
          >
            {t(`status.${status}`)} ({statusCounts[status] ?? 0})
          </Link>
        ))}
      </nav>
      {side === 'exporter' ? (
        <nav aria-label={t('buyerVerification.inbox.label')} className="flex flex-wrap gap-2">
          <Link
            to={filterLink(current, currentUnread, { only: !verifiedOnly, first: verifiedFirst })}
            className={`${chip} ${verifiedOnly ? active : ''}`}
            aria-pressed={verifiedOnly}
            role="button"
          >
            {t('buyerVerification.inbox.verifiedOnly')}
          </Link>
          <Link
            to={filterLink(current, currentUnread, { only: verifiedOnly, first: !verifiedFirst })}
            className={`${chip} ${verifiedFirst ? active : ''}`}
            aria-pressed={verifiedFirst}
            role="button"
          >
            {t('buyerVerification.inbox.verifiedFirst')}
          </Link>
        </nav>
      ) : null}
      <Card id="list" title={t('catalog.results', { count: items.length })}>
        {items.length === 0 ? (
          <EmptyState>{t('inquiries.empty')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id}>
                <Link to={`/inquiries/${item.id}`} className="flex flex-wrap items-center justify-between gap-2 py-3 hover:bg-slate-50">
                  <div>
                    <p className={item.unread ? 'font-bold' : 'font-medium'}>
                      {item.productName ?? '—'} · {item.quantity.toLocaleString(locale)} {item.unit}
                    </p>
                    <p className="text-sm text-slate-600">
                      {side === 'exporter' ? `${item.buyerCompany} · ${countryName(item.buyerCountry, locale)}` : item.companyName}
                      {item.fromLiveSession ? ` · ${t('inquiries.fromLive')}` : ''}
                    </p>
                    {side === 'exporter' ? <VerifiedBuyerBadge badge={item.buyerVerified} /> : null}
                  </div>
                  <div className="flex items-center gap-2 text-sm">
                    {item.unread ? (
                      <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
                        {t('inquiries.unread', { count: item.unread })}
                      </span>
                    ) : null}
                    <StatusBadge status={item.status} />
                    <time dateTime={item.lastActivityAt} className="text-slate-500">
                      {formatDateTime(item.lastActivityAt, { locale, timeZone })}
                    </time>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
