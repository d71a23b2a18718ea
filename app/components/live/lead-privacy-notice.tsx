import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useRootData } from '~/lib/use-root-data'

/**
 * What the exporter sees of a viewer (issue 21, docs/privacy.md): shown beside the pinned products of the
 * live room and the replay, where signing in is offered. Buyers get the way to opt out.
 */
export function LeadPrivacyNotice() {
  const { t } = useTranslation()
  const { user } = useRootData()
  return (
    <p className="text-xs text-slate-600" data-testid="lead-privacy-notice">
      {t('leads.privacy.notice')} {user ? null : t('leads.privacy.guestNotice')}{' '}
      {user?.role === 'BUYER' ? (
        <Link to="/buyer/profile#lead-list" className="text-brand-700 hover:underline">
          {t('leads.privacy.learnMore')}
        </Link>
      ) : null}
    </p>
  )
}
