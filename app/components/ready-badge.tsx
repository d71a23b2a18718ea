import { useTranslation } from 'react-i18next'
import { useMarketName } from '~/components/certification-labels'

/**
 * "Ready for <market>" on a product: every document requirement on file for the market is held with a valid
 * document. Text and a check mark, so it reads without colour; `yours` words it for the reader's own market.
 */
export function ReadyBadge({ market, yours = false }: { market: string; yours?: boolean }) {
  const { t } = useTranslation()
  const marketName = useMarketName()
  const label = yours ? t('readinessBuyer.readyForYourMarket', { market: marketName(market) }) : t('readinessBuyer.readyFor', { market: marketName(market) })
  return (
    <span className="inline-flex items-center gap-1 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-semibold text-emerald-900 ring-1 ring-emerald-300">
      <span aria-hidden="true">✓</span>
      {label}
    </span>
  )
}
