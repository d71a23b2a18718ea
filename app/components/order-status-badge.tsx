import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'

const TONE: Record<string, string> = {
  PENDING: 'bg-amber-100 text-amber-800',
  PAID: 'bg-sky-100 text-sky-800',
  SHIPPED: 'bg-indigo-100 text-indigo-800',
  DELIVERED: 'bg-emerald-100 text-emerald-800',
  CANCELLED: 'bg-slate-200 text-slate-700',
  REFUNDED: 'bg-slate-200 text-slate-700',
}

export function OrderStatusBadge({ status, refundPending = false }: { status: string; refundPending?: boolean }) {
  const { t } = useTranslation()
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={clsx('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold', TONE[status] ?? 'bg-slate-100 text-slate-800')}>
        {t(`payments.status.${status}`, { defaultValue: status })}
      </span>
      {refundPending ? (
        <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200">{t('payments.refundPending')}</span>
      ) : null}
    </span>
  )
}
