import { index, layout, route, type RouteConfig } from '@react-router/dev/routes'

// Each signed-in area (exporter, buyer, organizer, meetings) sits under a layout route that renders the
// area's navigation and error page. Layouts add no path segment: every URL is written out in full. Guards
// stay in each page's loader and action (a layout loader would not protect its children's actions).
export default [
  index('routes/_marketing/index.tsx'),
  route('login', 'routes/_auth/login.tsx'),
  route('signup', 'routes/_auth/signup.tsx'),
  route('logout', 'routes/_auth/logout.tsx'),
  route('forgot-password', 'routes/_auth/forgot-password.tsx'),
  route('reset-password/:token', 'routes/_auth/reset-password.tsx'),
  route('preferences', 'routes/preferences.tsx'),
  route('settings', 'routes/settings/index.tsx'),
  route('dashboard', 'routes/dashboard.tsx'),
  layout('routes/exporter/_layout.tsx', [
    route('exporter', 'routes/exporter/dashboard.tsx'),
    route('exporter/company', 'routes/exporter/company.tsx'),
    route('exporter/team', 'routes/exporter/team.tsx'),
    route('exporter/products', 'routes/exporter/products/index.tsx'),
    route('exporter/products/new', 'routes/exporter/products/new.tsx'),
    route('exporter/products/:productId', 'routes/exporter/products/edit.tsx'),
    route('exporter/certifications', 'routes/exporter/certifications.tsx'),
    route('exporter/readiness', 'routes/exporter/readiness.tsx'),
    route('exporter/sessions', 'routes/exporter/sessions.tsx'),
    route('exporter/replays', 'routes/exporter/replays.tsx'),
    route('exporter/booths', 'routes/exporter/booths.tsx'),
    route('exporter/results', 'routes/exporter/results.tsx'),
    route('exporter/recommendations', 'routes/exporter/recommendations.tsx'),
    route('exporter/orders', 'routes/exporter/orders.tsx'),
    // Leads (issue 21): a showcase's lead list (live + replay) and the company's CRM webhook (docs/leads.md).
    route('exporter/sessions/:sessionId/leads', 'routes/exporter/leads.tsx'),
    route('exporter/leads/webhook', 'routes/exporter/leads-webhook.tsx'),
    // On site (issue 23): scan visitors' badges at the company's booth of a fair (docs/fair-on-site.md).
    route('exporter/fairs/:fairId/booth-scan', 'routes/exporter/booth-scan.tsx'),
    // Trade-officer consultations (issue 23): find officers, book a slot, own consultations (docs/consultations.md).
    route('exporter/consultations', 'routes/exporter/consultations.tsx'),
    route('exporter/consultations/book/:officerId', 'routes/exporter/consultation-book.tsx'),
    // Studio booking (issue 23): request a slot of the hub's studio for a showcase, see and cancel bookings (docs/studio-booking.md).
    route('exporter/studio', 'routes/exporter/studio.tsx'),
    // Export agencies (issue 23): the owner grants, changes and revokes an agency's scopes (docs/export-agencies.md).
    route('exporter/agencies', 'routes/exporter/agencies.tsx'),
  ]),
  layout('routes/buyer/_layout.tsx', [
    route('buyer', 'routes/buyer/dashboard.tsx'),
    route('buyer/profile', 'routes/buyer/profile.tsx'),
    route('buyer/recommendations', 'routes/buyer/recommendations.tsx'),
    route('buyer/following', 'routes/buyer/following.tsx'),
  ]),
  layout('routes/organizer/_layout.tsx', [
    route('organizer', 'routes/organizer/dashboard.tsx'),
    route('organizer/fairs', 'routes/organizer/fairs/index.tsx'),
    route('organizer/fairs/new', 'routes/organizer/fairs/new.tsx'),
    route('organizer/fairs/:fairId', 'routes/organizer/fairs/fair.tsx'),
    route('organizer/fairs/:fairId/dashboard', 'routes/organizer/fairs/dashboard.tsx'),
    route('organizer/fairs/:fairId/fees', 'routes/organizer/fairs/fees.tsx'),
    route('organizer/fairs/:fairId/schedule', 'routes/organizer/fairs/schedule.tsx'),
    // On site (issue 23): the check-in desk and the venue's meeting tables (docs/fair-on-site.md).
    route('organizer/fairs/:fairId/check-in', 'routes/organizer/fairs/check-in.tsx'),
    route('organizer/fairs/:fairId/on-site', 'routes/organizer/fairs/on-site.tsx'),
    route('organizer/rates', 'routes/organizer/rates.tsx'),
    // Trade-officer consultations by market and topic (docs/consultations.md).
    route('organizer/consultations', 'routes/organizer/consultations.tsx'),
  ]),
  layout('routes/meetings/_layout.tsx', [
    route('meetings', 'routes/meetings/index.tsx'),
    route('meetings/new', 'routes/meetings/new.tsx'),
    route('meetings/:meetingId', 'routes/meetings/meeting.tsx'),
    route('meetings/:meetingId/room', 'routes/meetings/room.tsx'),
  ]),
  // Downloads (resource routes): no page to lay out.
  route('organizer/fairs/:fairId/export.csv', 'routes/organizer/fairs/export-csv.ts'),
  route('exporter/readiness.csv', 'routes/exporter/readiness-csv.ts'),
  route('exporter/sessions/:sessionId/leads.csv', 'routes/exporter/leads-csv.ts'),
  route('organizer/fairs/:fairId/export.xlsx', 'routes/organizer/fairs/export-xlsx.ts'),
  // The fair's export readiness gaps by market (its own CSV: the consultations CSV keeps the agency's layout).
  route('organizer/fairs/:fairId/readiness-gaps.csv', 'routes/organizer/fairs/readiness-gaps-csv.ts'),
  // Meeting attendance (held/accepted, no-shows by buyer country and by exporter): its own CSV.
  route('organizer/fairs/:fairId/attendance.csv', 'routes/organizer/fairs/attendance-csv.ts'),
  route('meetings/:meetingId/invite.ics', 'routes/meetings/invite-ics.ts'),
  // A confirmation mail's signed link (no sign-in): answer "I'll be there" / "can't make it".
  route('meetings/attend/:token', 'routes/meetings/attend.tsx'),
  route('invitations/:token', 'routes/invitations/accept.tsx'),
  route('fairs', 'routes/fairs/index.tsx'),
  route('fairs/:slug', 'routes/fairs/fair.tsx'),
  route('fairs/:slug/register', 'routes/fairs/register.tsx'),
  route('fairs/:slug/booths/:code', 'routes/fairs/booth.tsx'),
  // A registrant's badge (signed QR code) on screen and as a printable PDF; badge scans (POST, JSON) from the
  // check-in desk and a booth, and a booth's on-site leads as CSV (docs/fair-on-site.md).
  route('fairs/:slug/badge', 'routes/fairs/badge.tsx'),
  route('fairs/:slug/badge.pdf', 'routes/fairs/badge-pdf.ts'),
  route('organizer/fairs/:fairId/check-in/scans', 'routes/organizer/fairs/check-in-scans.ts'),
  route('exporter/fairs/:fairId/booth-scan/scans', 'routes/exporter/booth-scan-scans.ts'),
  route('exporter/fairs/:fairId/on-site-leads.csv', 'routes/exporter/on-site-leads-csv.ts'),
  layout('routes/admin/_layout.tsx', [
    route('admin', 'routes/admin/index.tsx'),
    // The market requirements catalogue (export readiness): list, create, edit/delete with its audit trail.
    route('admin/requirements', 'routes/admin/requirements/index.tsx'),
    route('admin/requirements/new', 'routes/admin/requirements/new.tsx'),
    route('admin/requirements/:code', 'routes/admin/requirements/edit.tsx'),
    // Verified buyers: every buyer company, verify/revoke with the history (docs/verified-buyers.md).
    route('admin/buyers', 'routes/admin/buyers.tsx'),
    // Export agencies: create agencies, add and remove their members.
    route('admin/agencies', 'routes/admin/agencies.tsx'),
    // Hub staff accounts: organizers, studio operators, trade officers, agency members (docs/hub-staff.md).
    route('admin/staff', 'routes/admin/staff.tsx'),
  ]),
  // An export agency's dashboard: one inbox across the companies it represents, its log and KPIs (ADR 026);
  // its team, which the agency's leads manage.
  layout('routes/agency/_layout.tsx', [route('agency', 'routes/agency/dashboard.tsx'), route('agency/team', 'routes/agency/team.tsx')]),
  // The hub's studio operator (docs/studio-booking.md): requests and bookings, day/week calendar, setup.
  layout('routes/hub/_layout.tsx', [
    route('hub/studio', 'routes/hub/studio/index.tsx'),
    route('hub/studio/calendar', 'routes/hub/studio/calendar.tsx'),
    route('hub/studio/setup', 'routes/hub/studio/setup.tsx'),
  ]),
  // The trade officer's area: consultations, profile and weekly hours (docs/consultations.md).
  layout('routes/advisor/_layout.tsx', [route('advisor', 'routes/advisor/index.tsx'), route('advisor/profile', 'routes/advisor/profile.tsx')]),
  // One consultation and its video room, for its two participants.
  layout('routes/consultations/_layout.tsx', [
    route('consultations/:consultationId', 'routes/consultations/consultation.tsx'),
    route('consultations/:consultationId/room', 'routes/consultations/room.tsx'),
  ]),
  route('catalog', 'routes/catalog/index.tsx'),
  route('catalog/:productId', 'routes/catalog/product.tsx'),
  route('exporters/:slug', 'routes/exporters/profile.tsx'),
  route('inquiries', 'routes/inquiries/index.tsx'),
  route('inquiries/:inquiryId', 'routes/inquiries/thread.tsx'),
  route('notifications', 'routes/notifications/index.tsx'),
  route('orders', 'routes/orders/index.tsx'),
  route('orders/:orderId', 'routes/orders/detail.tsx'),
  route('studio/:sessionId', 'routes/studio/studio.tsx'),
  // The studio's encoder panel: ingest addresses, stream key (rotate), feed state (GET polled, POST rotate/revoke).
  route('studio/:sessionId/ingest', 'routes/studio/ingest.ts'),
  // The studio's Restream panel: RTMP destinations (GET list with masked keys, POST add/remove/toggle).
  route('studio/:sessionId/restream', 'routes/studio/restream.ts'),
  // The showcase directory: live now, starting soon, upcoming by day, replays, with filters.
  route('live', 'routes/live/index.tsx'),
  // The part of /live that moves by the minute, for the page's refresh timer.
  route('live/now', 'routes/live/now.ts'),
  route('live/:sessionId', 'routes/live/watch.tsx'),
  // HLS playlists of a showcase's recording (segments are served by server/recording/media-files.ts).
  route('live/:sessionId/replay.m3u8', 'routes/live/replay-playlist.ts'),
  route('live/:sessionId/live.m3u8', 'routes/live/live-playlist.ts'),
  // "Add to calendar" of a listed showcase (public resource route).
  route('live/:sessionId/calendar.ics', 'routes/live/calendar-ics.ts'),
  // RSVP to a showcase (POST: an account's one click, a guest's e-mail) and the RSVP's own calendar file.
  route('live/:sessionId/rsvp', 'routes/live/rsvp.ts'),
  route('live/:sessionId/rsvp.ics', 'routes/live/rsvp-ics.ts'),
  // Follow / stop following an exporter or a fair (POST); a guest's RSVP confirmation; unsubscribe from reminder mail.
  route('engagement/follow', 'routes/engagement/follow.ts'),
  route('rsvp/:token', 'routes/engagement/rsvp-confirm.tsx'),
  route('unsubscribe/:token', 'routes/engagement/unsubscribe.tsx'),
  // A replay's clips (JSON for the clip marker): list, cut status, mark a clip.
  route('live/:sessionId/clips', 'routes/live/clips.ts'),
  // Replay view counter (start a view, heartbeats of watched time): POST only.
  route('live/:sessionId/replay-views', 'routes/live/replay-views.ts'),
  // "Opened a pinned product" of a signed-in viewer, for the exporter's lead list: POST only.
  route('live/:sessionId/product-opens', 'routes/live/product-opens.ts'),
  // The embeddable player (for other sites' iframes and the <tradecast-player> script, public/embed.js) and
  // oEmbed for CMSs that are given a showcase's link.
  route('embed/:sessionId', 'routes/embed/player.tsx'),
  route('oembed', 'routes/oembed.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
