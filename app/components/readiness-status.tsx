import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'
import type { MarketStatus, RequirementStatus } from '~/domain/readiness/readiness'

// Export readiness statuses as every side shows them: an icon and words (readable without colour), the same
// icon for the same meaning everywhere (a market's status and a requirement's).

const READY = { icon: '✓', className: 'bg-emerald-50 text-emerald-900 ring-emerald-300' }
const EXPIRING = { icon: '⏳', className: 'bg-amber-50 text-amber-900 ring-amber-300' }
const MISSING = { icon: '✗', className: 'bg-red-50 text-red-900 ring-red-300' }

const MARKET_STYLE: Record<MarketStatus, { icon: string; className: string }> = {
  ready: READY,
  expiring: EXPIRING,
  missing: MISSING,
  'not-covered': { icon: '?', className: 'bg-slate-50 text-slate-700 ring-slate-300' },
}

const ITEM_STYLE: Record<RequirementStatus, { icon: string; className: string }> = {
  held: READY,
  expiring: EXPIRING,
  missing: MISSING,
  check: { icon: 'ℹ', className: 'bg-sky-50 text-sky-900 ring-sky-300' },
}

/** The icon of a requirement's status (lists that name items under a status heading use it too). */
export const itemStatusIcon = (status: RequirementStatus) => ITEM_STYLE[status].icon

function Badge({ icon, className, children }: { icon: string; className: string; children: React.ReactNode }) {
  return (
    <span className={clsx('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1', className)}>
      <span aria-hidden="true">{icon}</span>
      {children}
    </span>
  )
}

/** A market's status as an icon and words; `label` replaces the words (e.g. a matrix cell's short form). */
export function MarketStatusBadge({ status, label }: { status: MarketStatus; label?: string }) {
  const { t } = useTranslation()
  const style = MARKET_STYLE[status]
  return (
    <Badge icon={style.icon} className={style.className}>
      {label ?? t(`readiness.status.${status}`)}
    </Badge>
  )
}

/** A requirement's status (held, expiring, missing, to check) as an icon and words. */
export function ItemStatusBadge({ status }: { status: RequirementStatus }) {
  const { t } = useTranslation()
  const style = ITEM_STYLE[status]
  return (
    <Badge icon={style.icon} className={style.className}>
      {t(`readiness.item.${status}`)}
    </Badge>
  )
}
