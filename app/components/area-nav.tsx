import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'

const EXPORTER_LINKS = [
  { to: '/exporter', key: 'exporter.nav.dashboard', end: true },
  { to: '/exporter/company', key: 'exporter.nav.company', end: false },
  { to: '/exporter/team', key: 'exporter.nav.team', end: false },
  { to: '/exporter/products', key: 'exporter.nav.products', end: false },
  { to: '/exporter/certifications', key: 'exporter.nav.certifications', end: false },
  { to: '/exporter/readiness', key: 'readinessExporter.nav', end: false },
  { to: '/exporter/sessions', key: 'exporter.nav.sessions', end: false },
  { to: '/exporter/studio', key: 'studioBooking.nav.exporter', end: false },
  { to: '/exporter/replays', key: 'replayAdmin.nav', end: false },
  { to: '/exporter/booths', key: 'exporter.nav.booths', end: false },
  { to: '/exporter/results', key: 'exporter.nav.results', end: false },
  { to: '/exporter/recommendations', key: 'meetings.nav.recommendedBuyers', end: false },
  { to: '/exporter/consultations', key: 'consultations.nav.exporter', end: false },
  { to: '/exporter/agencies', key: 'agency.nav.companyAgencies', end: false },
] as const

// An export agency's member: their dashboard and the company pages an agency may use (ADR 026).
const AGENCY_LINKS = [
  { to: '/agency', key: 'agency.nav.dashboard', end: true },
  { to: '/exporter/products', key: 'exporter.nav.products', end: false },
  { to: '/exporter/certifications', key: 'exporter.nav.certifications', end: false },
  { to: '/inquiries', key: 'agency.nav.inquiries', end: false },
  { to: '/exporter/sessions', key: 'exporter.nav.sessions', end: false },
  { to: '/exporter/studio', key: 'studioBooking.nav.exporter', end: false },
  { to: '/agency/team', key: 'agency.nav.team', end: false },
] as const

const BUYER_LINKS = [
  { to: '/buyer', key: 'exporter.nav.dashboard', end: true },
  { to: '/buyer/profile', key: 'buyerProfile.nav', end: false },
  { to: '/buyer/recommendations', key: 'meetings.nav.recommendedExporters', end: false },
  { to: '/buyer/following', key: 'engagement.nav.following', end: false },
] as const

const ADMIN_LINKS = [
  { to: '/admin', key: 'readinessAdmin.nav.overview', end: true },
  { to: '/admin/requirements', key: 'readinessAdmin.nav.requirements', end: false },
  { to: '/admin/buyers', key: 'buyerVerification.admin.nav', end: false },
  { to: '/organizer/consultations', key: 'consultations.nav.organizer', end: false },
  { to: '/admin/agencies', key: 'agency.admin.nav', end: false },
  { to: '/admin/staff', key: 'staff.nav', end: false },
] as const

// The trade officer's area (docs/consultations.md): consultations and the profile with weekly hours.
const ADVISOR_LINKS = [
  { to: '/advisor', key: 'consultations.nav.advisorHome', end: true },
  { to: '/advisor/profile', key: 'consultations.nav.advisorProfile', end: false },
] as const

// The hub's studio operator (docs/studio-booking.md): the studio's requests and bookings, its calendar, its setup.
const HUB_LINKS = [
  { to: '/hub/studio', key: 'studioBooking.nav.bookings', end: true },
  { to: '/hub/studio/calendar', key: 'studioBooking.nav.calendar', end: false },
  { to: '/hub/studio/setup', key: 'studioBooking.nav.setup', end: false },
] as const

function AreaNav({ label, links }: { label: string; links: ReadonlyArray<{ to: string; key: string; end: boolean }> }) {
  const { t } = useTranslation()
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {links.map((link) => (
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
  )
}

/** Sub-navigation of the exporter area, rendered once by its layout route (routes/exporter/_layout.tsx). */
export function ExporterNav() {
  const { t } = useTranslation()
  return <AreaNav label={t('exporter.nav.label')} links={EXPORTER_LINKS} />
}

/** Sub-navigation of the buyer area, rendered once by its layout route (routes/buyer/_layout.tsx). */
export function BuyerNav() {
  const { t } = useTranslation()
  return <AreaNav label={t('buyerProfile.navLabel')} links={BUYER_LINKS} />
}

/** Sub-navigation of the admin area, rendered once by its layout route (routes/admin/_layout.tsx). */
export function AdminNav() {
  const { t } = useTranslation()
  return <AreaNav label={t('readinessAdmin.nav.label')} links={ADMIN_LINKS} />
}

/** Sub-navigation of an export agency's member (the /agency page and the company pages they act on). */
export function AgencyNav() {
  const { t } = useTranslation()
  return <AreaNav label={t('agency.nav.label')} links={AGENCY_LINKS} />
}

/** Sub-navigation of the trade officer's area, rendered once by its layout route (routes/advisor/_layout.tsx). */
export function AdvisorNav() {
  const { t } = useTranslation()
  return <AreaNav label={t('consultations.nav.advisorLabel')} links={ADVISOR_LINKS} />
}

/** Sub-navigation of the hub's operator area, rendered once by its layout route (routes/hub/_layout.tsx). */
export function HubNav() {
  const { t } = useTranslation()
  return <AreaNav label={t('studioBooking.nav.label')} links={HUB_LINKS} />
}
