import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/orders'
import { OrderStatusBadge } from '~/components/order-status-badge'
import { Card, EmptyState } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/form-errors'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { sellerMayRefund } from '~/domain/payments/access.server'
import { listSellerOrders } from '~/domain/payments/queries.server'
import { isPaymentsEnabled } from '~/domain/payments/stripe.server'
import { countryName } from '~/lib/countries'
import { formatMoney } from '~/lib/money'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { handleOrderAction } from '~/routes/orders/+shared/order-actions.server'
import { SellerActions } from '~/routes/orders/+shared/seller-actions'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.sampleOrders')])

export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  return { orders: await listSellerOrders(membership.company.id, locale), paymentsEnabled: isPaymentsEnabled(), canRefund: sellerMayRefund(user, 'SAMPLE') }
}

export async function action({ request }: Route.ActionArgs) {
  await requireExporterMember(request)
  return handleOrderAction(request, { back: () => '/exporter/orders' })
}

export default function ExporterOrdersRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const fieldErrors = Object.entries(actionData?.result.error ?? {}).flatMap(([, errors]) => errors ?? [])
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t('payments.exporterOrdersTitle')}</h1>
        <Link to="/exporter/booths" className="text-sm font-medium text-brand-700 hover:underline">
          {t('payments.boothsTitle')}
        </Link>
      </div>
      {!loaderData.paymentsEnabled ? <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700">{t('payments.paymentsUnavailable')}</p> : null}
      <FormErrors id="orders-errors" errors={fieldErrors.length ? fieldErrors : undefined} />
      <Card id="to-fulfil" title={t('payments.toFulfil')}>
        {loaderData.orders.length === 0 ? (
          <EmptyState>{t('payments.noOrdersToFulfil')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {loaderData.orders.map((order) => (
              <li key={order.id} className="space-y-2 py-4" aria-label={order.reference}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-medium">
                    <Link to={`/orders/${order.id}`} className="text-brand-700 hover:underline">
                      {order.reference}
                    </Link>{' '}
                    · {order.productName ?? '—'} × {order.quantity.toLocaleString(locale)}
                  </p>
                  <OrderStatusBadge status={order.status} refundPending={order.refundPending} />
                </div>
                <p className="text-sm text-slate-600">
                  {order.buyer ? `${order.buyer.companyName} · ` : ''}
                  {t('payments.shipTo', { country: order.shippingCountry ? countryName(order.shippingCountry, locale) : '—' })} ·{' '}
                  {formatMoney(order.totalAmountMinor, order.currency, locale)} ·{' '}
                  {order.paidAt ? t('payments.paidOn', { date: formatDate(order.paidAt, { locale, timeZone }) }) : null}
                  {order.trackingNumber ? ` · ${t('payments.trackingNumber')}: ${order.trackingNumber}` : ''}
                </p>
                <SellerActions order={order} canRefund={loaderData.canRefund} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
