import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { sellerActions, type OrderKindName, type OrderStatusName } from '~/domain/payments/order-status'

/** Ship (with a tracking number), mark delivered, refund: whatever the state machine allows next. */
export function SellerActions({
  order,
  action,
  canRefund,
}: {
  order: { id: string; reference: string; kind: OrderKindName; status: OrderStatusName; refundPending: boolean }
  action?: string
  /** The seller's company role allows refunds (the server re-checks). */
  canRefund: boolean
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formData?.get('orderId') === order.id
  const actions = sellerActions(order.kind, order.status).filter((name) => name !== 'refund' || canRefund)
  if (actions.length === 0) return null
  return (
    <div className="flex flex-wrap items-end gap-2">
      {actions.includes('ship') ? (
        <Form method="post" action={action} className="flex flex-wrap items-end gap-2">
          <CsrfInput />
          <input type="hidden" name="intent" value="ship" />
          <input type="hidden" name="orderId" value={order.id} />
          <label className="text-sm">
            <span className="block font-medium text-slate-800">{t('payments.trackingNumber')}</span>
            <input
              name="trackingNumber"
              required
              minLength={4}
              maxLength={60}
              aria-label={t('payments.trackingFor', { order: order.reference })}
              className="mt-1 block w-48 rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
          <Button type="submit" disabled={busy}>
            {t('payments.markShipped')}
          </Button>
        </Form>
      ) : null}
      {actions.includes('deliver') ? (
        <Form method="post" action={action}>
          <CsrfInput />
          <input type="hidden" name="intent" value="deliver" />
          <input type="hidden" name="orderId" value={order.id} />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('payments.markDelivered')}
          </Button>
        </Form>
      ) : null}
      {actions.includes('refund') && !order.refundPending ? (
        <Form
          method="post"
          action={action}
          onSubmit={(event) => {
            if (!window.confirm(t('payments.refundConfirm', { order: order.reference }))) event.preventDefault()
          }}
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="refund" />
          <input type="hidden" name="orderId" value={order.id} />
          <Button type="submit" variant="danger" disabled={busy}>
            {t('payments.refund')}
          </Button>
        </Form>
      ) : null}
    </div>
  )
}
