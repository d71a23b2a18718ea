import type { ReactNode } from 'react'

/** The id of the heading of `<Card id={id}>`, for content it names (a table's aria-labelledby). */
export const cardTitleId = (id: string) => `${id}-title`

export function Card({ title, action, children, id }: { title: ReactNode; action?: ReactNode; children: ReactNode; id?: string }) {
  const headingId = id ? cardTitleId(id) : undefined
  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {action}
      </div>
      <div className="mt-3">{children}</div>
    </section>
  )
}

export function StatCard({ label, value, tone = 'default' }: { label: ReactNode; value: ReactNode; tone?: 'default' | 'warn' | 'bad' }) {
  const toneClass = tone === 'bad' ? 'text-red-700' : tone === 'warn' ? 'text-amber-700' : 'text-slate-900'
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-bold tabular-nums ${toneClass}`}>{value}</dd>
    </div>
  )
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-500">{children}</p>
}
