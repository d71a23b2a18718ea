import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/fair'
import { ReplayList } from '~/components/replay-list'
import { SessionTime } from '~/components/session-time'
import { StatusBadge } from '~/components/status-badge'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { getPublicFair } from '~/domain/fairs/public.server'
import { listVisibleReplays } from '~/domain/replays/lists.server'
import { dayInZone, formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData.fair.name} · Tradecast` },
  { name: 'description', content: loaderData.fair.description.slice(0, 160) },
]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const page = await getPublicFair(params.slug, { now: new Date(), locale, viewer: user ? { id: user.id, role: user.role } : null })
  return { ...page, replays: await listVisibleReplays({ fairId: page.fair.id }, user, locale) }
}

type Session = Route.ComponentProps['loaderData']['programme'][number]

function SessionRow({ session, fairZone }: { session: Session; fairZone: string }) {
  const { t } = useTranslation()
  return (
    <li id={`session-${session.id}`} className="flex flex-wrap items-start justify-between gap-2 py-3" data-testid={`programme-item-${session.id}`}>
      <div>
        <p className="font-medium">{session.title}</p>
        <p className="text-sm text-slate-600">
          {t('landing.hostedBy', { company: session.companyName })} · {session.language}
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
      </div>
    </li>
  )
}

export default function PublicFairRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { user, locale, timeZone } = useRootData()
  const { fair, halls, programme, liveNow, startingSoon, counts, registration, manages, replays } = loaderData
  const days = new Map<string, [Session, ...Session[]]>()
  for (const session of programme) {
    const day = dayInZone(session.startsAt, timeZone)
    days.set(day, [...(days.get(day) ?? []), session] as [Session, ...Session[]])
  }
  const canRegister = (fair.status === 'OPEN' || fair.status === 'LIVE') && !manages
  return (
    <div className="space-y-8">
      <section
        className="rounded-2xl bg-gradient-to-br from-brand-900 to-brand-600 bg-cover bg-center px-6 py-10 text-white sm:px-10"
        style={
          fair.bannerPath
            ? { backgroundImage: `linear-gradient(rgb(15 23 42 / 0.7), rgb(15 23 42 / 0.55)), url(${JSON.stringify(fair.bannerPath)})` }
            : undefined
        }
      >
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={fair.status} />
          <span className="text-sm text-brand-100">
            {formatDate(fair.startsAt, { locale, timeZone: fair.timeZone })} – {formatDate(fair.endsAt, { locale, timeZone: fair.timeZone })} · {fair.timeZone}
          </span>
        </div>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">{fair.name}</h1>
        <p className="mt-3 max-w-3xl text-brand-50">{fair.description}</p>
        <p className="mt-3 text-sm text-brand-100">
          {t('fairs.exhibitorsCount', { count: counts.exhibitors })} · {t('fairs.buyersCount', { count: counts.buyers })}
          {fair.languages.length ? ` · ${fair.languages.join(', ')}` : ''}
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          {!user ? (
            <>
              <Link to="/signup" className={buttonClass('secondary')}>
                {t('fairs.signUpCta')}
              </Link>
              <Link
                to={`/login?redirectTo=${encodeURIComponent(`/fairs/${fair.slug}/register`)}`}
                className="inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-semibold text-white ring-1 ring-white/60 hover:bg-white/10"
              >
                {t('fairs.signInToRegister')}
              </Link>
            </>
          ) : registration ? (
            <Link to={`/fairs/${fair.slug}/register`} className={buttonClass('secondary')}>
              {t('fairs.yourRegistration', { status: t(`status.${registration.status}`) })}
            </Link>
          ) : canRegister ? (
            <Link to={`/fairs/${fair.slug}/register`} className={buttonClass('secondary')}>
              {t('fairs.register')}
            </Link>
          ) : null}
          {manages ? (
            <Link to={`/organizer/fairs/${fair.id}`} className={buttonClass('secondary')}>
              {t('fairs.manage')}
            </Link>
          ) : null}
        </div>
      </section>

      {liveNow.length + startingSoon.length > 0 ? (
        <Card id="now" title={t('fairs.liveNowTitle')}>
          <ul className="divide-y divide-slate-100">
            {[...liveNow, ...startingSoon].map((s) => (
              <SessionRow key={s.id} session={s} fairZone={fair.timeZone} />
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
                  <SessionRow key={s.id} session={s} fairZone={fair.timeZone} />
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
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </section>
    </div>
  )
}
