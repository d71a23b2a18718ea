import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { RouteErrorPage } from '~/components/error-page'

// The hub's operator area (issue 23): the studio's requests and bookings, its calendar, its setup.
const STUDIO_LINKS = [
  { to: '/hub/studio', key: 'studioBooking.nav.bookings', end: true },
  { to: '/hub/studio/calendar', key: 'studioBooking.nav.calendar', end: false },
  { to: '/hub/studio/setup', key: 'studioBooking.nav.setup', end: false },
] as const

/** Every /hub page under the hub's navigation (the same tabs as the other areas' navigation). */
export default function HubArea() {
  const { t } = useTranslation()
  return (
    <>
      <nav aria-label={t('studioBooking.nav.label')} className="mb-6 border-b border-slate-200">
        <ul className="-mb-px flex gap-1 overflow-x-auto">
          {STUDIO_LINKS.map((link) => (
            <li key={link.to}>
              <NavLink
                to={link.to}
                end={link.end}
                className={({ isActive }) =>
                  `block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${isActive ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`
                }
              >
                {t(link.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  )
}

// Without the area's links: the error may be that this reader does not run the studio at all.
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}
