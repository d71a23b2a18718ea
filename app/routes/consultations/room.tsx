import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/room'
import { consultationTimes } from './consultation.server'
import { RoomTimes, VideoRoom } from '~/components/live-media/video-room'
import { Card } from '~/components/ui/card'
import { requireUser } from '~/domain/accounts/session.server'
import { getConsultationFor } from '~/domain/consultations/consultations.server'
import { roomState } from '~/domain/meetings/room-window'
import { pageTitle } from '~/lib/meta'
import { formatDateTime } from '~/lib/time'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'

// A consultation's video room: the meetings' room machinery (useMeetingRoom over the /media gateway, which
// admits exactly the consultation's two participants: app/domain/consultations/room-access.server.ts).

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('consultations.room.pageTitle')])

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const { consultation } = await getConsultationFor(user, params.consultationId)
  const locale = await resolveLocale(request, user)
  const viewerZone = resolveTimeZone(request, user).timeZone
  const room = consultation.status === 'CONFIRMED' ? roomState(consultation, requestNow(request)) : { state: 'closed' as const, closedAt: consultation.endsAt }
  return {
    consultationId: consultation.id,
    liveSessionId: consultation.liveSessionId,
    room: room.state,
    opensAt: room.state === 'early' ? formatDateTime(room.opensAt, { locale, timeZone: viewerZone, withZone: true }) : null,
    title: `${consultation.officer.officeName} × ${consultation.company.name}`,
    times: consultationTimes(consultation, locale, viewerZone),
  }
}

export default function ConsultationRoom({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { consultationId, room, opensAt, title, times, liveSessionId } = loaderData
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to={`/consultations/${consultationId}`} className="hover:underline">
            {t('consultations.room.back')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t('consultations.room.title', { title })}</h1>
      </header>
      <RoomTimes title={t('consultations.detail.times')} times={times} yourTime={(zone) => t('consultations.detail.yourTime', { zone })} />
      {room === 'open' && liveSessionId ? (
        <VideoRoom
          sessionId={liveSessionId}
          label={t('consultations.room.videoLabel')}
          roleLabel={(role) => t(`consultations.room.roles.${role === 'ADVISOR' ? 'ADVISOR' : 'EXPORTER'}`)}
          errorText={(code) => t(`consultations.room.errors.${code}`, { defaultValue: t('meetings.room.errors.internal') })}
          waiting={t('consultations.room.waiting')}
          data-consultation-id={consultationId}
        />
      ) : (
        <Card id="room-status" title={room === 'early' ? t('consultations.room.notYetTitle') : t('consultations.room.closedTitle')}>
          <p className="text-sm" role="status">
            {room === 'early' ? t('consultations.room.opensAt', { time: opensAt }) : t('consultations.room.closed')}
          </p>
        </Card>
      )}
    </div>
  )
}
