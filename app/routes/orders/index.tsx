import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { OrderStatusBadge } from '~/components/order-status-badge'
import { Card, EmptyState } from '~/components/ui/card'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { listBuyerOrders } from '~/domain/payments/queries.server'
import { formatMoney } from '~/lib/money'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = () => [{ title: 'My orders · Tradecast' }]

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
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 font-medium">{t('payments.order')}</th>
                <th scope="col" className="py-1 font-medium">{t('payments.product')}</th>
                <th scope="col" className="py-1 font-medium">{t('payments.total')}</th>
                <th scope="col" className="py-1 font-medium">{t('payments.statusLabel')}</th>
                <th scope="col" className="py-1 font-medium">{t('payments.events.created')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {loaderData.orders.map((order) => (
                <tr key={order.id}>
                  <td className="py-2">
                    <Link to={`/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                      {order.reference}
                    </Link>
                  </td>
                  <td className="py-2">
                    {order.productName ?? '—'} × {order.quantity}
                    <span className="block text-xs text-slate-500">{order.companyName}</span>
                  </td>
                  <td className="py-2 tabular-nums">{formatMoney(order.totalAmountMinor, order.currency, locale)}</td>
                  <td className="py-2">
                    <OrderStatusBadge status={order.status} refundPending={order.refundPending} />
                  </td>
                  <td className="py-2 text-slate-500">{formatDate(order.createdAt, { locale, timeZone })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  )
}
