import { Link } from 'react-router'

// The head of the fair's two on-site pages (docs/fair-on-site.md), the check-in desk and the meeting
// tables: back to the fair, across to the other page, the title and what the page is for.

export function OnSiteHeader({
  fair,
  other,
  title,
  intro,
}: {
  fair: { id: string; name: string }
  /** The other on-site page of this fair. */
  other: { page: 'check-in' | 'on-site'; label: string }
  title: string
  intro: string
}) {
  return (
    <header className="space-y-1">
      <p className="text-sm text-slate-600">
        <Link to={`/organizer/fairs/${fair.id}/dashboard`} className="hover:underline">
          {fair.name}
        </Link>{' '}
        ·{' '}
        <Link to={`/organizer/fairs/${fair.id}/${other.page}`} className="hover:underline">
          {other.label}
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="text-sm text-slate-700">{intro}</p>
    </header>
  )
}
