import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'

const TONE: Record<string, string> = {
  REQUESTED: 'bg-sky-100 text-sky-800',
  CONFIRMED: 'bg-emerald-100 text-emerald-800',
  HELD: 'bg-emerald-100 text-emerald-800',
  CANCELLED: 'bg-slate-200 text-slate-700',
  NO_SHOW: 'bg-amber-100 text-amber-900',
}

export function ConsultationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <span
      data-testid="consultation-status"
      className={clsx('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold', TONE[status] ?? 'bg-slate-100 text-slate-800')}
    >
      {t(`consultations.status.${status}`)}
    </span>
  )
}
