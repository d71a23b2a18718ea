import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/fair'
import { LocalTime } from '~/components/local-time'
import { ReplayList } from '~/components/replay-list'
import { SessionTime } from '~/components/session-time'
import { StatusBadge } from '~/components/status-badge'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { getPublicFair } from '~/domain/fairs/public.server'
import { isFollowing } from '~/domain/engagement/follows.server'
import { rsvpedSessionIds } from '~/domain/engagement/rsvps.server'
import { FollowButton } from '~/components/engagement/follow-button'
import { RsvpToggle } from '~/components/engagement/rsvp-panel'
import { listVisibleReplays } from '~/domain/replays/lists.server'
import { languageName } from '~/lib/languages'
import { dayInZone, formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'
import type { LanguageAlternatesHandle } from '~/lib/language-alternates'
import { pageTitle } from '~/lib/meta'

// A public page: the document lists its language versions (hreflang) and its canonical URL.
export const handle: LanguageAlternatesHandle = { alternates: true }

export const meta: Route.MetaFunction = (args) => [
  ...pageTitle(args, () => [args.loaderData.fair.name]),
  ...(args.error === undefined ? [{ name: 'description', content: args.loaderData.fair.description.slice(0, 160) }] : []),
]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const page = await getPublicFair(params.slug, { now: requestNow(request), locale, viewer: user ? { id: user.id, role: user.role } : null })
  // The viewer's follow and RSVPs, for the Follow button and the programme's RSVP toggles.
  const [replays, following, rsvped] = await Promise.all([
    listVisibleReplays({ fairId: page.fair.id }, user, locale),
    isFollowing(user?.id, 'fair', page.fair.id),
    rsvpedSessionIds(
      user?.id,
      page.programme.map((s) => s.id),
    ),
  ])
  return { ...page, replays, following, rsvped: [...rsvped] }
}

type Session = Route.ComponentProps['loaderData']['programme'][number]

/** "Add to calendar": the showcase's .ics file (a download, so a plain link, not client navigation). */
function CalendarLink({ session }: { session: Session }) {
  const { t } = useTranslation()
  return (
    <a
      href={`/live/${session.id}/calendar.ics`}
      download
      aria-label={t('fairDiscovery.programme.addToCalendarFor', { title: session.title })}
      className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
    >
      {t('fairDiscovery.programme.addToCalendar')}
    </a>
  )
}

function SessionRow({ session, fairZone, going }: { session: Session; fairZone: string; going: boolean }) {
  const { t } = useTranslation()
  const { locale, user } = useRootData()
  return (
    <li id={`session-${session.id}`} className="flex flex-wrap items-start justify-between gap-2 py-3" data-testid={`programme-item-${session.id}`}>
      <div className="min-w-0">
        <p className="font-medium">
          <Link to={`/live/${session.id}`} className="text-brand-700 hover:underline">
            {session.title}
          </Link>
        </p>
        <p className="text-sm text-slate-600">
          {t('landing.hostedBy', { company: session.companyName })} · {languageName(session.language, locale)}
        </p>
      </div>
      <div className="text-right">
        {session.state === 'live' ? (
          <StatusBadge status="LIVE" />
        ) : session.state === 'soon' ? (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800">{t('fairs.startingSoon')}</span>
        ) : session.state === 'past' ? (
          <StatusBadge status="ENDED" />
        ) : null}
        <div className="mt-1">
          <SessionTime session={session} fairZone={fairZone} />
        </div>
        {session.state === 'soon' || session.state === 'upcoming' ? (
          <div className="mt-1 flex flex-wrap items-center justify-end gap-2">
            <CalendarLink session={session} />
            {user ? <RsvpToggle sessionId={session.id} title={session.title} going={going} compact /> : null}
          </div>
        ) : null}
      </div>
    </li>
  )
}

/** On top of the page while anything is live: one click from the fair to the show. */
function LiveNowStrip({ sessions }: { sessions: Session[] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="live-now-title" className="rounded-xl bg-red-700 px-4 py-3 text-white sm:px-6" data-testid="live-now-strip">
      <h2 id="live-now-title" className="flex items-center gap-2 text-sm font-bold tracking-wide uppercase">
        <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-white" />
        {t('fairDiscovery.liveStrip.title', { count: sessions.length })}
      </h2>
      <ul className="mt-2 space-y-2">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
            <span className="min-w-0">
              <span className="font-semibold">{s.title}</span> <span className="text-red-50">· {s.companyName}</span>
            </span>
            <Link
              to={`/live/${s.id}`}
              aria-label={t('fairDiscovery.liveStrip.watchTitle', { title: s.title })}
              className="inline-flex min-h-10 items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50 pointer-coarse:min-h-11"
            >
              {t('fairDiscovery.liveStrip.watch')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

type Booth = Route.ComponentProps['loaderData']['halls'][number]['booths'][number]

/** A booth card leads to its exhibitor's show: the one live now, else the next one. */
function BoothShowcase({ showcase, fairZone }: { showcase: NonNullable<Booth['showcase']>; fairZone: string }) {
  const { t } = useTranslation()
  return (
    <p className="mt-2 text-sm">
      {showcase.live ? (
        <span className="mr-1 inline-flex items-center gap-1 font-semibold text-red-700">
          <span aria-hidden="true" className="size-1.5 rounded-full bg-red-600" />
          {t('fairDiscovery.booth.liveNow')}
        </span>
      ) : (
        <span className="mr-1 text-slate-600">{t('fairDiscovery.booth.next')}</span>
      )}
      <Link to={`/live/${showcase.id}`} className="font-medium text-brand-700 hover:underline">
        {showcase.title}
      </Link>
      {showcase.live ? null : (
        <span className="block text-slate-700">
          <LocalTime value={showcase.startsAt} otherZone={fairZone} />
        </span>
      )}
    </p>
  )
}

export default function PublicFairRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { user, locale, timeZone } = useRootData()
  const { fair, halls, programme, liveNow, startingSoon, counts, registration, manages, replays } = loaderData
  const rsvped = new Set(loaderData.rsvped)
  const days = new Map<string, [Session, ...Session[]]>()
  for (const session of programme) {
    const day = dayInZone(session.startsAt, timeZone)
    days.set(day, [...(days.get(day) ?? []), session] as [Session, ...Session[]])
  }
  const canRegister = (fair.status === 'OPEN' || fair.status === 'LIVE') && !manages
  return (
    <div className="space-y-8">
      {liveNow.length > 0 ? <LiveNowStrip sessions={liveNow} /> : null}

      <section aria-labelledby="fair-title" className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
        {/* The banner is artwork only: the heading and buttons sit on the solid panel below, whatever is uploaded. */}
        <div
          aria-hidden="true"
          data-testid="fair-banner"
          className="h-24 bg-gradient-to-br from-brand-900 to-brand-600 bg-cover bg-center sm:h-36"
          style={fair.bannerPath ? { backgroundImage: `url(${JSON.stringify(fair.bannerPath)})` } : undefined}
        />
        <div className="bg-white px-6 py-6 sm:px-10" data-testid="fair-header-panel">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={fair.status} />
            <span className="text-sm text-slate-700">
              {formatDate(fair.startsAt, { locale, timeZone: fair.timeZone })} – {formatDate(fair.endsAt, { locale, timeZone: fair.timeZone })} ·{' '}
              {fair.timeZone}
            </span>
          </div>
          <h1 id="fair-title" className="mt-2 text-3xl font-bold tracking-tight text-slate-900">
            {fair.name}
          </h1>
          <p className="mt-3 max-w-3xl text-slate-700">{fair.description}</p>
          <p className="mt-3 text-sm text-slate-700">
            {t('fairs.exhibitorsCount', { count: counts.exhibitors })} · {t('fairs.buyersCount', { count: counts.buyers })}
            {fair.languages.length ? ` · ${fair.languages.join(', ')}` : ''}
          </p>
          <div className="mt-6 flex flex-wrap gap-3" data-testid="fair-header-actions">
            {!user ? (
              <>
                <Link to="/signup" className={buttonClass('primary')}>
                  {t('fairs.signUpCta')}
                </Link>
                <Link to={`/login?redirectTo=${encodeURIComponent(`/fairs/${fair.slug}/register`)}`} className={buttonClass('secondary')}>
                  {t('fairs.signInToRegister')}
                </Link>
              </>
            ) : registration ? (
              <Link to={`/fairs/${fair.slug}/register`} className={buttonClass('secondary')}>
                {t('fairs.yourRegistration', { status: t(`status.${registration.status}`) })}
              </Link>
            ) : canRegister ? (
              <Link to={`/fairs/${fair.slug}/register`} className={buttonClass('primary')}>
                {t('fairs.register')}
              </Link>
            ) : null}
            {registration?.status === 'APPROVED' ? (
              <Link to={`/fairs/${fair.slug}/badge`} className={buttonClass('secondary')}>
                {t('onSite.badge.link')}
              </Link>
            ) : null}
            {user ? <FollowButton target="fair" id={fair.id} name={fair.name} following={loaderData.following} /> : null}
            {manages ? (
              <Link to={`/organizer/fairs/${fair.id}`} className={buttonClass('secondary')}>
                {t('fairs.manage')}
              </Link>
            ) : null}
          </div>
        </div>
      </section>

      {startingSoon.length > 0 ? (
        <Card id="now" title={t('fairs.startingSoon')}>
          <ul className="divide-y divide-slate-100">
            {startingSoon.map((s) => (
              <SessionRow key={s.id} session={s} fairZone={fair.timeZone} going={rsvped.has(s.id)} />
            ))}
          </ul>
        </Card>
      ) : null}

      <Card id="programme" title={t('fairs.programme')}>
        <p className="mb-2 text-xs text-slate-500">{t('fairs.timesShownIn', { zone: timeZone, fairZone: fair.timeZone })}</p>
        {programme.length === 0 ? (
          <EmptyState>{t('fairs.noProgramme')}</EmptyState>
        ) : (
          [...days.entries()].map(([day, sessions]) => (
            <section key={day} aria-label={formatDate(sessions[0].startsAt, { locale, timeZone })}>
              <h3 className="mt-3 text-sm font-semibold text-slate-700">{formatDate(sessions[0].startsAt, { locale, timeZone })}</h3>
              <ul className="divide-y divide-slate-100">
                {sessions.map((s) => (
                  <SessionRow key={s.id} session={s} fairZone={fair.timeZone} going={rsvped.has(s.id)} />
                ))}
              </ul>
            </section>
          ))
        )}
      </Card>

      {replays.length > 0 ? (
        <section aria-labelledby="replays-title" className="space-y-4">
          <h2 id="replays-title" className="text-xl font-bold tracking-tight">
            {t('replayList.title')}
          </h2>
          <ReplayList replays={replays} />
        </section>
      ) : null}

      <section aria-labelledby="booths-title" className="space-y-4">
        <h2 id="booths-title" className="text-xl font-bold tracking-tight">
          {t('fairs.booths')}
        </h2>
        {halls.length === 0 ? <EmptyState>{t('common.none')}</EmptyState> : null}
        {halls.map((hall) => (
          <Card key={hall.id} id={`hall-${hall.id}`} title={hall.name ?? t('fairs.otherBooths')}>
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {hall.booths.map((booth) => (
                <li key={booth.code} className="rounded-lg p-3 ring-1 ring-slate-200">
                  <Link to={`/fairs/${fair.slug}/booths/${booth.code}`} className="font-semibold hover:underline">
                    {booth.companyName}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {t('fairs.boothCode')} {booth.code} · {booth.industry}
                  </p>
                  {booth.headline ? <p className="mt-1 text-sm text-slate-600">{booth.headline}</p> : null}
                  {booth.showcase ? <BoothShowcase showcase={booth.showcase} fairZone={fair.timeZone} /> : null}
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </section>
    </div>
  )
}
