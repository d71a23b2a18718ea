import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { RouteErrorPage } from '~/components/error-page'

const ADVISOR_LINKS = [
  { to: '/advisor', key: 'consultations.nav.advisorHome', end: true },
  { to: '/advisor/profile', key: 'consultations.nav.advisorProfile', end: false },
] as const

/** The trade officer's area (docs/consultations.md): consultations and the profile with weekly hours. */
export default function AdvisorArea() {
  const { t } = useTranslation()
  return (
    <>
      <nav aria-label={t('consultations.nav.advisorLabel')} className="mb-6 border-b border-slate-200">
        <ul className="-mb-px flex gap-1 overflow-x-auto">
          {ADVISOR_LINKS.map((link) => (
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

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}
