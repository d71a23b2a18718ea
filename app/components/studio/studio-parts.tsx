import { useTranslation } from 'react-i18next'
import { languageName } from '~/lib/languages'
import { useRootData } from '~/lib/use-root-data'

// Small read-only pieces of the studio pages (docs/studio-booking.md).

/** Monday first, as the studio week is shown. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const

/** A weekday's name in the reader's language (0 = Sunday), from a fixed week in January 2023 (1 Jan 2023 was a Sunday). */
export function weekdayName(day: number, locale: string, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day)))
}

type OpeningHours = Partial<Record<string, { open: string; close: string } | null>>

type StudioHours = { timeZone: string; openingHours: OpeningHours; blackouts: ReadonlyArray<{ day: string; reason: string }> }

/** The weekly hours on the studio's wall clock, with its zone, and the coming blackout days. */
export function OpeningHoursList({ studio }: { studio: StudioHours }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{t('studioBooking.hoursTitle', { zone: studio.timeZone })}</h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {WEEK_ORDER.map((day) => {
          const hours = studio.openingHours[`${day}`]
          return (
            <div key={day} className="contents">
              <dt className="text-slate-600">{weekdayName(day, locale)}</dt>
              <dd>{hours ? `${hours.open}–${hours.close}` : t('studioBooking.closed')}</dd>
            </div>
          )
        })}
      </dl>
      {studio.blackouts.length > 0 ? (
        <>
          <h3 className="mt-3 text-sm font-semibold text-slate-800">{t('studioBooking.blackoutsTitle')}</h3>
          <ul className="mt-1 text-sm">
            {studio.blackouts.map((blackout) => (
              <li key={blackout.day}>
                <time dateTime={blackout.day}>{blackout.day}</time> — {blackout.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}

type ResourceLite = { id: string; name: string; kind: 'SET' | 'CREW' | 'EQUIPMENT'; crewRole: 'CAMERA' | 'HOST' | 'INTERPRETER' | null; languages: string[] }

/** The sets, crew and equipment one may ask for. */
export function ResourceSummary({ sets, crew }: { sets: readonly ResourceLite[]; crew: readonly ResourceLite[] }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{t('studioBooking.resourcesTitle')}</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {[...sets, ...crew].map((resource) => (
          <li key={resource.id}>
            <span className="text-slate-600">
              {resource.crewRole ? t(`studioBooking.crewRole.${resource.crewRole}`) : t(`studioBooking.kind.${resource.kind}`)}:
            </span>{' '}
            {resource.name}
            {resource.languages.length > 0 ? ` (${resource.languages.map((l) => languageName(l, locale)).join(', ')})` : ''}
          </li>
        ))}
      </ul>
    </div>
  )
}

type BookedResources = { languages: readonly string[]; resources: readonly ResourceLite[] }

/** A booking's resources; an interpreter with the booked languages they speak. */
export function BookingResources({ booking }: { booking: BookedResources }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  return (
    <ul className="text-xs">
      {booking.resources.map((resource) => (
        <li key={resource.id}>
          {resource.crewRole ? t(`studioBooking.crewRole.${resource.crewRole}`) : t(`studioBooking.kind.${resource.kind}`)}: {resource.name}
          {resource.crewRole === 'INTERPRETER'
            ? ` (${resource.languages
                .filter((l) => booking.languages.includes(l))
                .map((l) => languageName(l, locale))
                .join(', ')})`
            : ''}
        </li>
      ))}
    </ul>
  )
}

/** "Produced at <studio>, interpreter <languages>" on a showcase. */
export function StudioCredit({ production }: { production: { studioName: string; interpreterLanguages: readonly string[] } }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const languages = production.interpreterLanguages.map((l) => languageName(l, locale)).join(', ')
  return (
    <p className="text-sm text-slate-700" data-testid="studio-credit">
      {languages
        ? t('studioBooking.credit.withInterpreter', { studio: production.studioName, languages })
        : t('studioBooking.credit.plain', { studio: production.studioName })}
    </p>
  )
}

const STATUS_TONE: Record<string, string> = {
  REQUESTED: 'bg-sky-100 text-sky-800',
  APPROVED: 'bg-emerald-100 text-emerald-800',
  COMPLETED: 'bg-emerald-100 text-emerald-800',
  DECLINED: 'bg-slate-200 text-slate-700',
  CANCELLED: 'bg-slate-200 text-slate-700',
  NO_SHOW: 'bg-amber-100 text-amber-900',
}

/** A studio booking's status as a badge (its own words: "Completed" is not a status elsewhere). */
export function StudioStatus({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_TONE[status] ?? 'bg-slate-200 text-slate-700'}`}
      data-status={status}
    >
      {t(`studioBooking.status.${status}`)}
    </span>
  )
}
