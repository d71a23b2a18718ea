import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ChangeEntry } from '~/domain/readiness/catalogue-admin.server'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'

/** Audit entries: who, when, what, and each changed field as before → after. */
export function ChangeList({ entries, showCode }: { entries: readonly ChangeEntry[]; showCode: boolean }) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  if (entries.length === 0) return <p className="text-sm text-slate-500">{t('readinessAdmin.history.empty')}</p>
  return (
    <ol className="divide-y divide-slate-100 text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="space-y-1 py-2">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{t(`readinessAdmin.history.actions.${entry.action}`, { defaultValue: entry.action })}</span>
            {showCode ? (
              entry.action === 'deleted' ? (
                <span className="font-mono">{entry.code}</span>
              ) : (
                <Link to={`/admin/requirements/${encodeURIComponent(entry.code)}`} className="font-mono text-brand-700 hover:underline">
                  {entry.code}
                </Link>
              )
            ) : null}
            <span className="text-slate-600">{t('readinessAdmin.history.by', { name: entry.actorName })}</span>
            <time dateTime={entry.createdAt} className="text-slate-500">
              {formatDateTime(entry.createdAt, { locale, timeZone })}
            </time>
          </p>
          {entry.changes.length > 0 ? (
            <ul className="space-y-0.5 text-xs text-slate-700">
              {entry.changes.map((change) => (
                <li key={change.field} className="break-words">
                  <span className="font-medium">{t(`readinessAdmin.fields.${change.field}`, { defaultValue: change.field })}</span>:{' '}
                  <span>{change.before}</span> <span aria-label={t('readinessAdmin.history.becomes')}>→</span> <span>{change.after}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
