import { useTranslation } from 'react-i18next'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'

/** The start in the visitor's zone, with the fair's own zone beside it. */
export function SessionTime({ session, fairZone }: { session: { id: string; startsAt: string }; fairZone: string }) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  return (
    <span className="text-sm text-slate-700">
      <time dateTime={session.startsAt} data-testid={`session-time-${session.id}`}>
        {formatDateTime(session.startsAt, { locale, timeZone, withZone: true })}
      </time>
      {fairZone !== timeZone ? (
        <span className="ml-1 text-xs text-slate-500" data-testid={`session-fair-time-${session.id}`}>
          ({t('fairs.fairTime', { time: formatDateTime(session.startsAt, { locale, timeZone: fairZone, withZone: true }) })})
        </span>
      ) : null}
    </span>
  )
}
