import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { RouteErrorPage } from '~/components/error-page'

const ADMIN_LINKS = [
  { to: '/admin', key: 'readinessAdmin.nav.overview', end: true },
  { to: '/admin/requirements', key: 'readinessAdmin.nav.requirements', end: false },
] as const

/** Every /admin page under the admin area's navigation (the pages guard themselves). */
export default function AdminArea() {
  const { t } = useTranslation()
  return (
    <>
      <nav aria-label={t('readinessAdmin.nav.label')} className="mb-6 border-b border-slate-200">
        <ul className="-mb-px flex gap-1 overflow-x-auto">
          {ADMIN_LINKS.map((link) => (
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

// Without the area's links: the error may be that this reader is not an admin at all.
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}
