import type { Route } from './+types/badge-pdf'
import { requireUser } from '~/domain/accounts/session.server'
import { badgePdf } from '~/domain/on-site/badge-pdf.server'
import { getOwnBadge } from '~/domain/on-site/badges.server'
import { resolveLocale } from '~/utils/preferences.server'

/** The registrant's printable badge (A6 PDF with the QR code), in their language. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const locale = await resolveLocale(request, user)
  const badge = await getOwnBadge(user.id, params.slug, { locale })
  const pdf = await badgePdf(badge, locale)
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="badge-${badge.fair.slug}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
