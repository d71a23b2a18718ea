import { useTranslation } from 'react-i18next'
import type { MatchCaution, MatchReason } from '~/domain/matchmaking/match-score'
import { certificationMarketLabel, certificationTypeLabel } from '~/components/certification-labels'
import { countryName } from '~/lib/countries'
import { languageName } from '~/lib/languages'
import { formatMoney } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'

type Perspective = 'buyer' | 'exporter'

/** Reason codes from the match scorer, in words: "Halal certified for Malaysia", "HS 3304 matches your interests". */
export function MatchReasons({
  reasons,
  cautions = [],
  perspective,
  categoryNames,
}: {
  reasons: readonly MatchReason[]
  cautions?: readonly MatchCaution[]
  perspective: Perspective
  categoryNames: Record<string, string>
}) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const params = (raw: Record<string, string | number>) => ({
    ...raw,
    category: categoryNames[String(raw.category)] ?? raw.category,
    type: raw.type ? certificationTypeLabel(t, String(raw.type)) : undefined,
    market: raw.market ? certificationMarketLabel(t, String(raw.market), locale) : undefined,
    country: raw.country ? countryName(String(raw.country), locale) : undefined,
    language: raw.language ? languageName(String(raw.language), locale) : undefined,
    value: typeof raw.moqValueUsd === 'number' ? formatMoney(raw.moqValueUsd * 100, 'USD', locale) : undefined,
    count: typeof raw.inquiries === 'number' ? raw.inquiries : undefined,
  })
  return (
    <ul className="space-y-1 text-sm">
      {reasons.map((reason, index) => (
        <li key={`${reason.code}-${index}`} className="flex gap-2">
          <span aria-hidden="true" className="text-emerald-600">
            ✓
          </span>
          <span>{t(`meetings.reasons.${perspective}.${reason.code}`, params(reason.params))}</span>
        </li>
      ))}
      {cautions.map((caution, index) => (
        <li key={`${caution.code}-${index}`} className="flex gap-2 text-amber-800">
          <span aria-hidden="true">!</span>
          <span>{t(`meetings.cautions.${caution.code}`, params(caution.params))}</span>
        </li>
      ))}
    </ul>
  )
}
