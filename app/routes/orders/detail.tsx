import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useRevalidator } from 'react-router'
import type { Route } from './+types/detail'
import { handleOrderAction } from './+shared/order-actions.server'
import { SellerActions } from './+shared/seller-actions'
import { loadOrderDetail } from './detail.server'
import { CsrfInput } from '~/components/csrf-input'
import { OrderStatusBadge } from '~/components/order-status-badge'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/form-errors'
import { countryName } from '~/lib/countries'
import { formatMoney } from '~/lib/money'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { pageTitle } from '~/lib/meta'

// pageTitle reads the page's data only when its loader succeeded (a failed page is titled by its error).
export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.order', { reference: args.loaderData.order.reference })])

export async function loader({ request, params }: Route.LoaderArgs) {
  return loadOrderDetail(request, params.orderId)
}

export async function action({ request, params }: Route.ActionArgs) {
  return handleOrderAction(request, { orderId: params.orderId, back: (id) => `/orders/${id}` })
}

const POLL_MS = 2000
const POLL_LIMIT = 90

/** While the payer waits for Stripe's webhook, re-read the order every two seconds (three minutes at most). */
function usePollWhile(active: boolean) {
  const revalidator = useRevalidator()
  const [tries, setTries] = useState(0)
  useEffect(() => {
    if (!active || tries >= POLL_LIMIT) return
    const timer = setTimeout(() => {
      setTries((n) => n + 1)
      void revalidator.revalidate()
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [active, tries, revalidator])
  return active && tries >= POLL_LIMIT
}

export default function OrderDetailRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const { order, side, checkout } = loaderData
  const waiting = side === 'payer' && order.status === 'PENDING' && checkout === 'success'
  const gaveUp = usePollWhile(waiting)
  const when = (value: string | null) => (value ? formatDateTime(value, { locale, timeZone }) : null)
  const timeline = (
    [
      ['created', order.createdAt],
      ['paid', order.paidAt],
      ['shipped', order.shippedAt],
      ['delivered', order.deliveredAt],
      ['cancelled', order.cancelledAt],
      ['refunded', order.refundedAt],
    ] as const
  ).filter(([, value]) => value)
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-6">
        <header>
          <p className="text-sm text-slate-600">
            <Link
              to={side === 'payer' ? (order.kind === 'SAMPLE' ? '/orders' : '/exporter/booths') : order.kind === 'SAMPLE' ? '/exporter/orders' : '/organizer'}
              className="hover:underline"
            >
              {t('payments.backToOrders')}
            </Link>
          </p>
          <h1 className="text-2xl font-bold tracking-tight">
            {order.kind === 'SAMPLE'
              ? t('payments.sampleOrderTitle', { reference: order.reference })
              : t('payments.boothFeeOrderTitle', { reference: order.reference })}
          </h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span data-testid="order-status">
              <OrderStatusBadge status={order.status} refundPending={order.refundPending} />
            </span>
            {order.fromLiveSession ? <span>{t('payments.fromLiveSession')}</span> : null}
          </div>
        </header>
        {waiting ? (
          <div role="status" className="rounded-md bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200">
            <p className="font-semibold">{t('payments.processingTitle')}</p>
            <p>{gaveUp ? t('payments.processingSlow') : t('payments.processingBody')}</p>
          </div>
        ) : null}
        {side === 'payer' && checkout === 'success' && order.status === 'PAID' ? (
          <div role="status" className="rounded-md bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200">
            {t('payments.paidThanks')}
          </div>
        ) : null}
        {side === 'payer' && checkout === 'cancelled' && order.status === 'PENDING' ? (
          <p className="rounded-md bg-slate-100 p-4 text-sm text-slate-700">{t('payments.checkoutCancelled')}</p>
        ) : null}
        <FormErrors id="order-errors" errors={actionData?.result.error?.[''] ?? undefined} />
        <Card id="order" title={t('payments.details')}>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            {order.kind === 'SAMPLE' ? (
              <>
                <div>
                  <dt className="text-slate-500">{t('payments.product')}</dt>
                  <dd>
                    {order.productId ? (
                      <Link to={`/catalog/${order.productId}`} className="font-medium hover:underline">
                        {order.productName}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t('payments.exporter')}</dt>
                  <dd>{order.companyName}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t('payments.buyer')}</dt>
                  <dd>{order.buyer ? `${order.buyer.companyName} (${countryName(order.buyer.country, locale)})` : '—'}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t('payments.shippingCountry')}</dt>
                  <dd>{order.shippingCountry ? countryName(order.shippingCountry, locale) : '—'}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t('payments.sampleQuantity')}</dt>
                  <dd className="tabular-nums">
                    {order.quantity.toLocaleString(locale)} × {formatMoney(order.unitAmountMinor, order.currency, locale)}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t('payments.trackingNumber')}</dt>
                  <dd data-testid="tracking-number">{order.trackingNumber ?? '—'}</dd>
                </div>
              </>
            ) : (
              <>
                <div>
                  <dt className="text-slate-500">{t('payments.fair')}</dt>
                  <dd>{order.fairName ?? '—'}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t('payments.booth')}</dt>
                  <dd>
                    {order.boothCode ?? '—'} · {order.companyName}
                  </dd>
                </div>
              </>
            )}
            <div>
              <dt className="text-slate-500">{t('payments.total')}</dt>
              <dd className="font-semibold tabular-nums">{formatMoney(order.totalAmountMinor, order.currency, locale)}</dd>
            </div>
          </dl>
        </Card>
      </div>
      <aside className="space-y-6">
        <Card id="timeline" title={t('payments.timeline')}>
          <ol className="space-y-1 text-sm">
            {timeline.map(([key, value]) => (
              <li key={key} className="flex justify-between gap-2">
                <span>{t(`payments.events.${key}`)}</span>
                <time dateTime={value ?? undefined} className="text-slate-500">
                  {when(value)}
                </time>
              </li>
            ))}
          </ol>
        </Card>
        {side === 'payer' && order.status === 'PENDING' ? (
          <Card id="pay" title={t('payments.unpaid')}>
            <div className="flex flex-wrap gap-2">
              {loaderData.paymentsEnabled ? (
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="pay" />
                  <Button type="submit">{t('payments.continueToPayment')}</Button>
                </Form>
              ) : null}
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="cancel" />
                <Button type="submit" variant="secondary">
                  {t('payments.cancelOrder')}
                </Button>
              </Form>
            </div>
          </Card>
        ) : null}
        {side === 'seller' ? (
          <Card id="fulfil" title={t('payments.fulfilment')}>
            {order.refundPending ? <p className="mb-2 text-sm text-amber-800">{t('payments.refundPendingNote')}</p> : null}
            <SellerActions order={order} canRefund={loaderData.canRefund} />
          </Card>
        ) : null}
      </aside>
    </div>
  )
}
