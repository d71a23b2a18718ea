import { useTranslation } from 'react-i18next'
import { ContentText } from '~/components/content-text'
import type { ProductReadinessView, ReadinessItemView } from '~/domain/readiness/buyer-readiness'

const STATUS_STYLE: Record<ProductReadinessView['status'], { icon: string; className: string }> = {
  ready: { icon: '✓', className: 'bg-emerald-50 text-emerald-900 ring-emerald-300' },
  expiring: { icon: '⏳', className: 'bg-amber-50 text-amber-900 ring-amber-300' },
  missing: { icon: '✗', className: 'bg-red-50 text-red-900 ring-red-300' },
  'not-covered': { icon: '?', className: 'bg-slate-50 text-slate-800 ring-slate-300' },
}

/** A market status as text with an icon (readable without colour). */
export function ReadinessStatus({ status }: { status: ProductReadinessView['status'] }) {
  const { t } = useTranslation()
  const style = STATUS_STYLE[status]
  return (
    <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-sm font-semibold ring-1 ${style.className}`}>
      <span aria-hidden="true">{style.icon}</span>
      {t(`readiness.status.${status}`)}
    </span>
  )
}

function ItemList({ label, items, icon }: { label: string; items: readonly ReadinessItemView[]; icon: string }) {
  if (items.length === 0) return null
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">{label}</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {items.map((item) => (
          <li key={item.code} className="flex gap-2">
            <span aria-hidden="true">{icon}</span>
            <ContentText as="span" lang={item.nameLang}>
              {item.name}
            </ContentText>
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * One product's readiness for one market, names only: held, missing, expiring before the ship date, and
 * what to check besides; always with the disclaimer. `notCovered` is the sentence for a market without rules.
 */
export function ReadinessSummary({ view, notCovered, children }: { view: ProductReadinessView; notCovered: string; children?: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="space-y-3" data-testid="readiness-summary">
      <p>
        <ReadinessStatus status={view.status} />
      </p>
      {view.status === 'not-covered' ? (
        <p className="text-sm text-slate-600">{notCovered}</p>
      ) : view.held.length + view.missing.length + view.expiring.length === 0 ? (
        <p className="text-sm text-slate-600">{t('readinessBuyer.product.none')}</p>
      ) : null}
      <ItemList label={t('readinessBuyer.product.missing')} items={view.missing} icon="✗" />
      <ItemList label={t('readinessBuyer.product.expiring')} items={view.expiring} icon="⏳" />
      <ItemList label={t('readinessBuyer.product.held')} items={view.held} icon="✓" />
      <ItemList label={t('readinessBuyer.product.checks')} items={view.checks} icon="•" />
      {children}
      <p className="text-xs text-slate-500">{t('readiness.disclaimer')}</p>
    </div>
  )
}
