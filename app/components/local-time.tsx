import { useTranslation } from 'react-i18next'
import { formatDateTime, formatTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'

/** An instant in the reader's zone, optionally with the other party's local time beside it. */
export function LocalTime({ value, otherZone }: { value: string; otherZone?: string | null }) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  return (
    <span>
      <time dateTime={value}>{formatDateTime(value, { locale, timeZone, withZone: true })}</time>
      {otherZone && otherZone !== timeZone ? (
        <span className="ml-1 text-xs text-slate-500">({t('common.localTime', { time: formatTime(value, { locale, timeZone: otherZone }) })})</span>
      ) : null}
    </span>
  )
}
