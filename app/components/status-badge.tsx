import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'

const TONE: Record<string, string> = {
  LIVE: 'bg-red-100 text-red-800',
  CONTRACT_SIGNED: 'bg-emerald-100 text-emerald-800',
  ACCEPTED: 'bg-emerald-100 text-emerald-800',
  APPROVED: 'bg-emerald-100 text-emerald-800',
  HELD: 'bg-emerald-100 text-emerald-800',
  LOST: 'bg-slate-200 text-slate-700',
  DECLINED: 'bg-slate-200 text-slate-700',
  CANCELLED: 'bg-slate-200 text-slate-700',
  EXPIRED: 'bg-slate-200 text-slate-700',
  ENDED: 'bg-slate-200 text-slate-700',
  CONSULTATION: 'bg-sky-100 text-sky-800',
  REQUESTED: 'bg-sky-100 text-sky-800',
  PENDING: 'bg-amber-100 text-amber-800',
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <span className={clsx('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold', TONE[status] ?? 'bg-indigo-100 text-indigo-800')}>
      {status === 'LIVE' ? <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-red-600" /> : null}
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  )
}
