import { useTranslation } from 'react-i18next'
import { useAudienceCount } from '~/live/audience-store'

/**
 * The audience figure ("3 viewers") with what it counts, the same wherever it is shown (the chat, the
 * viewer page's and the studio's header; definition: app/domain/live/audience.ts). The explanation is
 * the pointer's tooltip and, for screen readers, text read right after the figure.
 */
export function AudienceCount({ count, className, testId }: { count: number; className?: string | undefined; testId?: string | undefined }) {
  const { t } = useTranslation()
  const explained = t('liveRoom.viewersExplained')
  return (
    <>
      <span className={className} data-testid={testId} title={explained}>
        {t('liveRoom.viewers', { count })}
      </span>
      <span className="sr-only">{explained}</span>
    </>
  )
}

/** A session's audience figure outside its live room's components (a page header); nothing until the room has joined. */
export function SessionAudienceCount({ sessionId, className }: { sessionId: string; className?: string | undefined }) {
  const count = useAudienceCount(sessionId)
  return count === null ? null : <AudienceCount count={count} className={className} testId="viewer-count" />
}
