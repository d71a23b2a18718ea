import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { LocalTime } from '~/components/local-time'
import { StatusBadge } from '~/components/status-badge'
import { EmptyState } from '~/components/ui/card'

type Showcase = {
  id: string
  title: string
  status: string
  scheduledStartAt: string
  companyName: string
  fairName: string | null
}

export function ShowcaseList({ showcases }: { showcases: readonly Showcase[] }) {
  const { t } = useTranslation()
  if (showcases.length === 0) return <EmptyState>{t('landing.noUpcoming')}</EmptyState>
  return (
    <ul className="divide-y divide-slate-100">
      {showcases.map((showcase) => (
        <li key={showcase.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
          <div>
            <p className="font-medium text-slate-900">
              <Link to={`/live/${showcase.id}`} className="hover:underline">
                {showcase.title}
              </Link>
            </p>
            <p className="text-sm text-slate-600">
              {t('landing.hostedBy', { company: showcase.companyName })}
              {showcase.fairName ? ` · ${showcase.fairName}` : ''}
            </p>
          </div>
          <div className="text-right text-sm text-slate-700">
            <StatusBadge status={showcase.status} />
            <div className="mt-1">
              <LocalTime value={showcase.scheduledStartAt} />
            </div>
          </div>
        </li>
      ))}
    </ul>
  )
}
