import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { OrderStatusBadge } from '~/components/order-status-badge'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { Cell, Table } from '~/components/ui/table'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { listBuyerOrders } from '~/domain/payments/queries.server'
import { formatMoney } from '~/lib/money'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.myOrders')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'buy:sample')
  const locale = await resolveLocale(request, user)
  return { orders: await listBuyerOrders(user.id, locale) }
}

export default function MyOrdersRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('payments.myOrdersTitle')}</h1>
      <Card id="orders" title={t('payments.sampleOrders')}>
        {loaderData.orders.length === 0 ? (
          <EmptyState>{t('payments.noOrders')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('orders')}
            columns={[
              { label: t('payments.order') },
              { label: t('payments.product') },
              { label: t('payments.total') },
              { label: t('payments.statusLabel') },
              { label: t('payments.events.created') },
            ]}
          >
            {loaderData.orders.map((order) => (
              <tr key={order.id}>
                <Cell>
                  <Link to={`/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                    {order.reference}
                  </Link>
                </Cell>
                <Cell>
                  {order.productName ?? '—'} × {order.quantity.toLocaleString(locale)}
                  <span className="block text-xs text-slate-500">{order.companyName}</span>
                </Cell>
                <Cell numeric>{formatMoney(order.totalAmountMinor, order.currency, locale)}</Cell>
                <Cell>
                  <OrderStatusBadge status={order.status} refundPending={order.refundPending} />
                </Cell>
                <Cell className="text-slate-500">{formatDate(order.createdAt, { locale, timeZone })}</Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  )
}
