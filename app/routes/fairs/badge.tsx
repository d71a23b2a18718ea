import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/badge'
import { buttonClass } from '~/components/ui/button'
import { requireUser } from '~/domain/accounts/session.server'
import { badgeQrDataUrl } from '~/domain/on-site/badge-pdf.server'
import { getOwnBadge } from '~/domain/on-site/badges.server'
import { pageTitle } from '~/lib/meta'
import { formatDate, formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [args.loaderData.badge.fair.name, t('onSite.pageTitle.badge')])

/** The registrant's own badge (docs/fair-on-site.md): the signed QR code on screen, and its printable PDF. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const locale = await resolveLocale(request, user)
  const badge = await getOwnBadge(user.id, params.slug, { locale })
  return {
    badge: {
      registrationId: badge.registrationId,
      number: badge.number,
      token: badge.token,
      expiresAt: badge.expiresAt.toISOString(),
      attendee: badge.attendee,
      fair: { slug: badge.fair.slug, name: badge.fair.name, startsAt: badge.fair.startsAt.toISOString(), timeZone: badge.fair.timeZone },
      checkedInAt: badge.checkedInAt?.toISOString() ?? null,
    },
    qr: await badgeQrDataUrl(badge.token),
  }
}

export default function BadgeRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const { badge, qr } = loaderData
  return (
    <div className="mx-auto max-w-md space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/fairs/${badge.fair.slug}`} className="hover:underline">
          {badge.fair.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">{t('onSite.badge.title', { fair: badge.fair.name })}</h1>
      <p className="text-sm text-slate-700">{t('onSite.badge.intro')}</p>
      <section
        aria-label={t('onSite.pageTitle.badge')}
        className="space-y-3 rounded-xl bg-white p-6 text-center shadow ring-1 ring-slate-200"
        data-testid="badge"
      >
        <p className="text-sm text-slate-600">
          {badge.fair.name} · {formatDate(badge.fair.startsAt, { locale, timeZone: badge.fair.timeZone })}
        </p>
        <p className="text-2xl font-bold">{badge.attendee.name}</p>
        {badge.attendee.company ? <p className="text-lg text-slate-700">{badge.attendee.company}</p> : null}
        <p className="inline-block rounded-full bg-blue-50 px-3 py-1 text-sm font-semibold text-blue-900">{t(`onSite.kind.${badge.attendee.kind}`)}</p>
        <img
          src={qr}
          alt={t('onSite.badge.qrAlt', { name: badge.attendee.name })}
          className="mx-auto max-w-full [image-rendering:pixelated]"
          data-badge-token={badge.token}
        />
        <p className="font-mono text-xs break-all text-slate-600" data-testid="badge-number">
          {t('onSite.badge.number', { number: badge.number })}
        </p>
        <p className="text-sm">
          {badge.checkedInAt ? t('onSite.badge.checkedIn', { time: formatDateTime(badge.checkedInAt, { locale, timeZone }) }) : t('onSite.badge.notCheckedIn')}
        </p>
        <p className="text-xs text-slate-600">
          {t('onSite.badge.validUntil', { date: formatDate(badge.expiresAt, { locale, timeZone: badge.fair.timeZone }) })}
        </p>
      </section>
      <a href={`/fairs/${badge.fair.slug}/badge.pdf`} className={buttonClass('primary')} download>
        {t('onSite.badge.downloadPdf')}
      </a>
    </div>
  )
}
