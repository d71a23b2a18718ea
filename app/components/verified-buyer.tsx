import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import type { BuyerVerificationMethodName, VerifiedBuyerBadge as Badge } from '~/domain/buyers/verification-schema'
import { BUYER_VERIFICATION_METHODS } from '~/domain/buyers/verification-schema'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'

// Verified buyers (docs/verified-buyers.md): the badge exporters see on RFQs, chat and meeting requests,
// and the verify/revoke forms organizers and admins use. The badge is an icon and words (readable without
// colour); when and how (and, on RFQs and meetings, who) is in its description: visible with `detailed`,
// else screen-reader text and a tooltip. The live chat's badge carries no verifier name (chat payloads
// reach every viewer, guests included), so its description says only when and how.

/** A badge to show: the full one (RFQs, meetings) or the chat's, without the verifier's name. */
type ShownBadge = { verifiedAt: string; method: BuyerVerificationMethodName; verifierName?: string | undefined } | null | undefined

export function useVerifiedBuyerDescription() {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  return (badge: NonNullable<ShownBadge>) => {
    const values = { date: formatDate(badge.verifiedAt, { locale, timeZone }), method: t(`buyerVerification.method.${badge.method}`) }
    return badge.verifierName
      ? t('buyerVerification.badge.description', { ...values, name: badge.verifierName })
      : t('buyerVerification.badge.descriptionWithoutName', values)
  }
}

export function VerifiedBuyerBadge({ badge, detailed = false }: { badge: ShownBadge; detailed?: boolean }) {
  const { t } = useTranslation()
  const describe = useVerifiedBuyerDescription()
  if (!badge) return null
  const description = describe(badge)
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="verified-buyer-badge">
      <span
        title={description}
        className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-900 ring-1 ring-emerald-300"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 fill-current">
          <path d="M8 0l2 1.6 2.5-.2.8 2.4 2.1 1.4-.8 2.4.8 2.4-2.1 1.4-.8 2.4-2.5-.2L8 16l-2-1.6-2.5.2-.8-2.4L.6 10.8 1.4 8.4.6 6l2.1-1.4.8-2.4 2.5.2zM6.9 11.2l5-5-1.2-1.2-3.8 3.8-1.8-1.8-1.2 1.2z" />
        </svg>
        {t('buyerVerification.badge.label')}
      </span>
      {detailed ? <span className="text-xs text-slate-600">{description}</span> : <span className="sr-only">{description}</span>}
    </span>
  )
}

type HistoryEntry = {
  id: string
  action: 'VERIFIED' | 'REVOKED'
  method: string | null
  note: string
  verifierName: string
  fairName: string | null
  at: string
}

/**
 * A buyer's verification state with the forms to verify (method and note) or revoke (reason), and the
 * latest entries of its history. Posts `intent` verify-buyer / revoke-buyer with `buyerId` to the page's action.
 * `readOnly`: an organizer looking at a verification made by an admin or through another fair, which
 * only they may change — the badge and a note, no forms.
 */
export function BuyerVerificationControls({
  buyerId,
  companyName,
  badge,
  history,
  errors,
  readOnly = false,
}: {
  buyerId: string
  companyName: string
  badge: Badge
  history: readonly HistoryEntry[]
  errors?: string[] | undefined
  readOnly?: boolean
}) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const id = useId()
  return (
    <div className="space-y-2 text-sm">
      {badge ? <VerifiedBuyerBadge badge={badge} detailed /> : <p className="text-slate-600">{t('buyerVerification.notVerified')}</p>}
      {errors?.length ? (
        <ul role="alert" className="rounded-md bg-red-50 p-2 text-red-800 ring-1 ring-red-200">
          {errors.map((error) => (
            <li key={error}>{t(error)}</li>
          ))}
        </ul>
      ) : null}
      {readOnly ? <p className="text-xs text-slate-600">{t('buyerVerification.verifiedElsewhere')}</p> : null}
      {readOnly ? null : (
        <details>
          <summary className="cursor-pointer font-medium text-brand-700">
            {badge ? t('buyerVerification.reverifyName', { name: companyName }) : t('buyerVerification.verifyName', { name: companyName })}
          </summary>
          <Form method="post" className="mt-2 space-y-2">
            <CsrfInput />
            <input type="hidden" name="intent" value="verify-buyer" />
            <input type="hidden" name="buyerId" value={buyerId} />
            <label className="block" htmlFor={`${id}-method`}>
              {t('buyerVerification.methodLabel')}
            </label>
            <select id={`${id}-method`} name="method" required className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1">
              {BUYER_VERIFICATION_METHODS.map((method) => (
                <option key={method} value={method}>
                  {t(`buyerVerification.method.${method}`)}
                </option>
              ))}
            </select>
            <label className="block" htmlFor={`${id}-note`}>
              {t('buyerVerification.noteLabel')}
            </label>
            <textarea
              id={`${id}-note`}
              name="note"
              required
              minLength={3}
              maxLength={500}
              rows={2}
              aria-describedby={`${id}-note-hint`}
              className="block w-full rounded-md border border-slate-300 px-2 py-1"
            />
            <p id={`${id}-note-hint`} className="text-xs text-slate-500">
              {t('buyerVerification.noteHint')}
            </p>
            <Button type="submit" className="min-h-8 px-3 py-1">
              {t('buyerVerification.verify')}
            </Button>
          </Form>
        </details>
      )}
      {badge && !readOnly ? (
        <details>
          <summary className="cursor-pointer font-medium text-red-700">{t('buyerVerification.revokeName', { name: companyName })}</summary>
          <Form method="post" className="mt-2 space-y-2">
            <CsrfInput />
            <input type="hidden" name="intent" value="revoke-buyer" />
            <input type="hidden" name="buyerId" value={buyerId} />
            <label className="block" htmlFor={`${id}-reason`}>
              {t('buyerVerification.revokeReason')}
            </label>
            <textarea
              id={`${id}-reason`}
              name="note"
              required
              minLength={3}
              maxLength={500}
              rows={2}
              className="block w-full rounded-md border border-slate-300 px-2 py-1"
            />
            <Button type="submit" variant="secondary" className="min-h-8 px-3 py-1">
              {t('buyerVerification.revoke')}
            </Button>
          </Form>
        </details>
      ) : null}
      {history.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-slate-600">{t('buyerVerification.history')}</summary>
          <ol className="mt-1 space-y-1 text-xs text-slate-600">
            {history.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.at}>{formatDate(entry.at, { locale, timeZone })}</time> ·{' '}
                {entry.action === 'VERIFIED'
                  ? t('buyerVerification.historyVerified', { name: entry.verifierName, method: t(`buyerVerification.method.${entry.method ?? 'OTHER'}`) })
                  : t('buyerVerification.historyRevoked', { name: entry.verifierName })}
                {entry.fairName ? ` · ${entry.fairName}` : ''} · {entry.note}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  )
}
