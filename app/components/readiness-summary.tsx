import { useTranslation } from 'react-i18next'
import { ContentText } from '~/components/content-text'
import { itemStatusIcon, MarketStatusBadge } from '~/components/readiness-status'
import type { ProductReadinessView, RequirementNameView } from '~/domain/readiness/readiness-view'

function ItemList({ label, items, icon }: { label: string; items: readonly RequirementNameView[]; icon: string }) {
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
        <MarketStatusBadge status={view.status} />
      </p>
      {view.status === 'not-covered' ? (
        <p className="text-sm text-slate-600">{notCovered}</p>
      ) : view.held.length + view.missing.length + view.expiring.length === 0 ? (
        <p className="text-sm text-slate-600">{t('readinessBuyer.product.none')}</p>
      ) : null}
      <ItemList label={t('readinessBuyer.product.missing')} items={view.missing} icon={itemStatusIcon('missing')} />
      <ItemList label={t('readinessBuyer.product.expiring')} items={view.expiring} icon={itemStatusIcon('expiring')} />
      <ItemList label={t('readinessBuyer.product.held')} items={view.held} icon={itemStatusIcon('held')} />
      <ItemList label={t('readinessBuyer.product.checks')} items={view.checks} icon={itemStatusIcon('check')} />
      {children}
      <p className="text-xs text-slate-500">{t('readiness.disclaimer')}</p>
    </div>
  )
}
