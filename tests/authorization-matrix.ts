import type { MatrixRole } from './authorization-world'

// THE AUTHORIZATION MATRIX: what each role gets from every route of app/routes.ts (issue 13, ASVS V4).
// Enforced by app/routes/authorization-matrix.db.test.ts through React Router's real request handler;
// a route without a row, or a row without a route, fails that test.
//
// Roles (columns), see tests/authorization-world.ts: anonymous; a buyer; the OWNER and a MEMBER of "the"
// exporter company; the owner of another company; the organizer of "the" fair; an organizer of another
// fair; an admin. Routes with :params are opened on objects of "the" company / "the" fair.
// Cells: an HTTP status, LOGIN (302 to /login?redirectTo=…) or "→/path" (another redirect).
//   get:  a GET of the page (document request).
//   post: a same-origin POST with a valid CSRF token and no other field (only routes with an action):
//         a role that may not act gets LOGIN/403/404 before validation (400) where the guard comes first.
// ACTION_MATRIX below: one valid form per sensitive intent, each role on a fresh target object.
// To review changes: MATRIX_RECORD=1 npx vitest run --project unit app/routes/authorization-matrix.db.test.ts

export type Outcome = 200 | 400 | 403 | 404 | 405 | `→/${string}`
type Columns<T> = { [K in keyof T]: Outcome }
type Row = Columns<readonly MatrixRole[]>
export type MatrixRow = { get: Row; post?: Row }

const LOGIN = '→/login'

export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = {
  //       anonymous  buyer  owner  member  otherExporter  organizer  otherOrganizer  admin  studioOperator  tradeOfficer  agencyMember
  '': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  login: {
    get: [
      200,
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
    ],
    post: [
      400,
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
    ],
  },
  signup: {
    get: [
      200,
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
    ],
    post: [
      400,
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
      '→/dashboard',
    ],
  },
  logout: {
    get: ['→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/'],
    post: ['→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/'],
  },
  'forgot-password': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    post: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  'reset-password/:token': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    post: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  preferences: {
    get: ['→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/'],
    post: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  settings: {
    get: [LOGIN, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    post: [LOGIN, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  dashboard: {
    get: [
      LOGIN,
      '→/buyer',
      '→/exporter',
      '→/exporter',
      '→/exporter',
      '→/organizer/fairs',
      '→/organizer/fairs',
      '→/admin',
      '→/hub/studio',
      '→/advisor',
      '→/agency',
    ],
  },
  exporter: {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  },
  'exporter/results': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  },
  buyer: {
    get: [LOGIN, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  'buyer/profile': {
    get: [LOGIN, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    post: [LOGIN, 400, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  'exporter/company': {
    get: [LOGIN, 403, 200, 403, 200, 403, 403, 403, 403, 403, 403],
    post: [LOGIN, 403, 400, 403, 400, 403, 403, 403, 403, 403, 403],
  },
  'exporter/team': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
    post: [LOGIN, 403, 400, 400, 400, 403, 403, 403, 403, 403, 403],
  },
  // The agency member's agency holds "the" company's catalogue grant (its only company: acted for without choosing).
  'exporter/products': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 200],
  },
  'exporter/products/new': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 200],
    post: [LOGIN, 403, 400, 400, 400, 403, 403, 403, 403, 403, 400],
  },
  'exporter/products/:productId': {
    get: [LOGIN, 403, 200, 200, 404, 403, 403, 403, 403, 403, 200],
    post: [LOGIN, 403, 400, 400, 404, 403, 403, 403, 403, 403, 400],
  },
  'exporter/certifications': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 200],
    post: [LOGIN, 403, 400, 400, 400, 403, 403, 403, 403, 403, 400],
  },
  'exporter/readiness': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  },
  'exporter/readiness.csv': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  },
  // Leads (docs/leads.md): every member of the hosting company reads a showcase's lead list and its CSV;
  // another company's exporter finds no such showcase (404). The CRM webhook: owners and admins of a company
  // (the other company's owner sets their own); an empty form is a 400.
  'exporter/sessions/:sessionId/leads': {
    get: [LOGIN, 403, 200, 200, 404, 403, 403, 403, 403, 403, 403],
  },
  'exporter/sessions/:sessionId/leads.csv': {
    get: [LOGIN, 403, 200, 200, 404, 403, 403, 403, 403, 403, 403],
  },
  'exporter/leads/webhook': {
    get: [LOGIN, 403, 200, 403, 200, 403, 403, 403, 403, 403, 403],
    post: [LOGIN, 403, 400, 403, 400, 403, 403, 403, 403, 403, 403],
  },
  'invitations/:token': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    post: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  organizer: {
    get: [LOGIN, 403, 403, 403, 403, '→/organizer/fairs', '→/organizer/fairs', '→/organizer/fairs', 403, 403, 403],
  },
  'organizer/fairs': {
    get: [LOGIN, 403, 403, 403, 403, 200, 200, 200, 403, 403, 403],
  },
  'organizer/fairs/new': {
    get: [LOGIN, 403, 403, 403, 403, 200, 200, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 400, 400, 400, 403, 403, 403],
  },
  'organizer/fairs/:fairId': {
    get: [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 400, 404, 400, 403, 403, 403],
  },
  'organizer/fairs/:fairId/dashboard': {
    get: [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
  },
  'organizer/fairs/:fairId/export.csv': {
    get: [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
  },
  'organizer/fairs/:fairId/export.xlsx': {
    get: [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
  },
  'organizer/fairs/:fairId/readiness-gaps.csv': {
    get: [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
  },
  'organizer/fairs/:fairId/attendance.csv': {
    get: [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
  },
  // A confirmation mail's signed link: the token is the only credential (no sign-in); opening it changes
  // nothing, and a post without an answer is a form error (docs/meeting-attendance.md).
  'meetings/attend/:token': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    post: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  'organizer/rates': {
    get: [LOGIN, 403, 403, 403, 403, 200, 200, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 400, 400, 400, 403, 403, 403],
  },
  // The public fairs index (DRAFT fairs never listed: app/domain/fairs/discovery.db.test.ts).
  fairs: {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  'fairs/:slug': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  'fairs/:slug/register': {
    get: [LOGIN, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    post: [LOGIN, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  'fairs/:slug/booths/:code': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    post: [LOGIN, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  // On site (docs/fair-on-site.md). A badge is its registrant's own: approved registrants 200, others 404.
  'fairs/:slug/badge': {
    get: [LOGIN, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  'fairs/:slug/badge.pdf': {
    get: [LOGIN, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  // The check-in desk: 'check-in:fair' on the own fair (another organizer's fair is 404); scans are POST only (405 on GET).
  'organizer/fairs/:fairId/check-in': {
    get: [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
  },
  'organizer/fairs/:fairId/check-in/scans': {
    get: [405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405],
    post: [LOGIN, 403, 403, 403, 403, 400, 404, 400, 403, 403, 403],
  },
  'organizer/fairs/:fairId/on-site': {
    get: [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 400, 404, 400, 403, 403, 403],
  },
  // Booth scans: members of a company exhibiting at the fair; a company that does not exhibit there gets 404.
  'exporter/fairs/:fairId/booth-scan': {
    get: [LOGIN, 403, 200, 200, 404, 403, 403, 403, 403, 403, 403],
  },
  'exporter/fairs/:fairId/booth-scan/scans': {
    get: [405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405],
    post: [LOGIN, 403, 400, 400, 404, 403, 403, 403, 403, 403, 403],
  },
  'exporter/fairs/:fairId/on-site-leads.csv': {
    get: [LOGIN, 403, 200, 200, 404, 403, 403, 403, 403, 403, 403],
  },
  admin: {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403],
  },
  // The market requirements catalogue (export readiness): admins only; an empty POST is an invalid form.
  'admin/requirements': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403],
  },
  'admin/requirements/new': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 403, 403, 400, 403, 403, 403],
  },
  'admin/requirements/:code': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 403, 403, 400, 403, 403, 403],
  },
  // Verified buyers: every buyer company, verify/revoke — admins only (organizers verify on their fair's page).
  'admin/buyers': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 403, 403, 400, 403, 403, 403],
  },
  // Studio booking (docs/studio-booking.md): the operator's desk, calendar and setup ('manage:studio': studio
  // operators and admins); the exporter's requests (members of a company; each request re-checks the showcase).
  'hub/studio': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 200, 200, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 403, 403, 400, 400, 403, 403],
  },
  'hub/studio/calendar': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 200, 200, 403, 403],
  },
  'hub/studio/setup': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 200, 200, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 403, 403, 400, 400, 403, 403],
  },
  // Every member, and the agency holding the company's SHOWCASES grant (its bookings are recorded as its actions).
  'exporter/studio': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 200],
    post: [LOGIN, 403, 400, 400, 400, 403, 403, 403, 403, 403, 400],
  },
  // Hub staff accounts (docs/hub-staff.md): admins only.
  'admin/staff': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 403, 403, 400, 403, 403, 403],
  },
  catalog: {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  'catalog/:productId': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    post: [LOGIN, 400, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  'exporters/:slug': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  // The agency member's agency holds "the" company's RFQs & quotes grant.
  inquiries: {
    get: [LOGIN, 200, 200, 200, 200, 403, 403, 403, 403, 403, 200],
  },
  'inquiries/:inquiryId': {
    get: [LOGIN, 200, 200, 200, 404, 404, 404, 200, 404, 404, 200],
    post: [LOGIN, 400, 400, 400, 404, 404, 404, 400, 404, 404, 400],
  },
  // Export agencies (docs/export-agencies.md): the owner's grants page (OWNER only: a MEMBER is refused), the
  // agency's dashboard, the admin's agencies.
  'exporter/agencies': {
    get: [LOGIN, 403, 200, 403, 200, 403, 403, 403, 403, 403, 403],
    post: [LOGIN, 403, 400, 403, 400, 403, 403, 403, 403, 403, 403],
  },
  agency: {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
    post: [LOGIN, 403, 403, 403, 403, 403, 403, 403, 403, 403, 400],
  },
  'agency/team': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
    post: [LOGIN, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  'admin/agencies': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 403, 403, 400, 403, 403, 403],
  },
  notifications: {
    get: [LOGIN, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    post: [
      LOGIN,
      '→/notifications',
      '→/notifications',
      '→/notifications',
      '→/notifications',
      '→/notifications',
      '→/notifications',
      '→/notifications',
      '→/notifications',
      '→/notifications',
      '→/notifications',
    ],
  },
  orders: {
    get: [LOGIN, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  'orders/:orderId': {
    get: [LOGIN, 200, 200, 200, 404, 404, 404, 404, 404, 404, 404],
    post: [LOGIN, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  'exporter/orders': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
    post: [LOGIN, 403, 400, 400, 400, 403, 403, 403, 403, 403, 403],
  },
  'exporter/booths': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
    post: [LOGIN, 403, 400, 400, 400, 403, 403, 403, 403, 403, 403],
  },
  'organizer/fairs/:fairId/fees': {
    get: [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 400, 400, 400, 403, 403, 403],
  },
  'buyer/recommendations': {
    get: [LOGIN, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  // Follows and RSVPs (docs/engagement.md): the buyer's list; following is POST only, for accounts (buyers
  // only, checked after the form: an empty form is a 400 for every account).
  'buyer/following': {
    get: [LOGIN, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  'engagement/follow': {
    get: [405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405],
    post: [LOGIN, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  'exporter/recommendations': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
    post: [LOGIN, 403, 400, 400, 400, 403, 403, 403, 403, 403, 403],
  },
  meetings: {
    get: [LOGIN, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  'meetings/new': {
    get: [LOGIN, 200, 404, 404, 404, 404, 404, 404, 404, 404, 404],
    post: [LOGIN, 400, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  // The agency holding "the" company's MEETINGS grant answers for the company (docs/export-agencies.md).
  'meetings/:meetingId': {
    get: [LOGIN, 200, 200, 200, 404, 200, 404, 200, 404, 404, 200],
    post: [LOGIN, 400, 400, 400, 404, 400, 404, 400, 404, 404, 400],
  },
  'meetings/:meetingId/room': {
    get: [LOGIN, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  // Trade-officer consultations (docs/consultations.md): the officer's area, the exporters' booking, the
  // organizers' KPIs, and one consultation (and its room) for exactly its two participants: "the" owner and the trade officer.
  advisor: {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403],
  },
  'advisor/profile': {
    get: [LOGIN, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403],
    post: [LOGIN, 403, 403, 403, 403, 403, 403, 403, 403, 400, 403],
  },
  'exporter/consultations': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  },
  'exporter/consultations/book/:officerId': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
    post: [LOGIN, 403, 400, 400, 400, 403, 403, 403, 403, 403, 403],
  },
  'organizer/consultations': {
    get: [LOGIN, 403, 403, 403, 403, 200, 200, 200, 403, 403, 403],
  },
  'consultations/:consultationId': {
    get: [LOGIN, 404, 200, 404, 404, 404, 404, 404, 404, 200, 404],
    post: [LOGIN, 404, 400, 404, 404, 404, 404, 404, 404, 400, 404],
  },
  'consultations/:consultationId/room': {
    get: [LOGIN, 404, 200, 404, 404, 404, 404, 404, 404, 200, 404],
  },
  'meetings/:meetingId/invite.ics': {
    get: [LOGIN, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  'organizer/fairs/:fairId/schedule': {
    get: [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
    post: [LOGIN, 403, 403, 403, 403, 400, 404, 400, 403, 403, 403],
  },
  // Every member schedules; so does the agency holding the company's SHOWCASES grant (never into a fair).
  'exporter/sessions': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 200],
    post: [LOGIN, 403, 400, 400, 400, 403, 403, 403, 403, 403, 400],
  },
  // Every member sees the company's replays; who may change one is per replay (probe below). Not an agency's.
  'exporter/replays': {
    get: [LOGIN, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403],
    post: [LOGIN, 403, 400, 400, 400, 403, 403, 403, 403, 403, 403],
  },
  // The studio's one form: recording on/off before going live (the MEMBER does not host the world's showcase;
  // the agency holding the company's SHOWCASES grant manages all its showcases).
  'studio/:sessionId': {
    get: [LOGIN, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200],
    post: [LOGIN, 403, 400, 403, 403, 403, 403, 403, 403, 403, 400],
  },
  // The studio's Restream panel (JSON): the showcase's managers only; an empty POST is a 400 (no intent).
  'studio/:sessionId/restream': {
    get: [LOGIN, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200],
    post: [LOGIN, 403, 400, 403, 403, 403, 403, 403, 403, 403, 400],
  },
  // The studio's encoder panel (JSON: ingest addresses, the stream key, feed state): the showcase's managers only;
  // an empty POST is a 400 (no intent).
  'studio/:sessionId/ingest': {
    get: [LOGIN, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200],
    post: [LOGIN, 403, 400, 403, 403, 403, 403, 403, 403, 403, 400],
  },
  // The showcase directory: public, lists only showcases anyone may see.
  live: {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  // Its refresh (live now, starting soon): the same public data.
  'live/now': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  'live/:sessionId': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  // HLS playlists of the showcase's recording: the world's showcase has none (never went live), so 404 to all;
  // who sees a recorded one is app/domain/replays/recordings.server.ts (app/routes/live/playlists.db.test.ts).
  'live/:sessionId/replay.m3u8': {
    get: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  'live/:sessionId/live.m3u8': {
    get: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  // "Add to calendar" of the world's showcase: public and not a fair proposal, so listed: a file for everyone
  // (private, unapproved, cancelled: 404 to all, app/domain/fairs/discovery.db.test.ts).
  'live/:sessionId/calendar.ics': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  // RSVP: guests with an e-mail address, accounts in one click; an empty form is a 400 for everyone. The
  // RSVP's own calendar file: 404 without an RSVP (or a guest's signed token). Confirm and unsubscribe
  // links: a token that is not ours is a 404 for everyone, signed in or not.
  'live/:sessionId/rsvp': {
    get: [405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405],
    post: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  'live/:sessionId/rsvp.ics': {
    get: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  'rsvp/:token': {
    get: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
    post: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  'unsubscribe/:token': {
    get: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
    post: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  // Clips of the replay (the world's showcase has none yet: 404 to all). Marking one: the company with
  // manage:showcase:own (the MEMBER did not host it: 403), the fair's organizer, admins; others 404.
  'live/:sessionId/clips': {
    get: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
    post: [LOGIN, 404, 400, 403, 404, 404, 404, 400, 404, 404, 404],
  },
  // The replay view counter is POST only; anyone who may watch the replay counts (guests too), so an
  // empty form is a 400 for every role (visibility is checked per intent, 404 for a replay not shown).
  'live/:sessionId/replay-views': {
    get: [405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405],
    post: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  // "Opened a pinned product" (leads): POST only; an empty form is a 400 for everyone (the viewer comes from
  // the session; a guest's valid click is a 204 recorded nowhere, app/domain/leads/leads.db.test.ts).
  'live/:sessionId/product-opens': {
    get: [405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405],
    post: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  // The embeddable player: always a guest's view (a third-party frame has no cookie), so the world's public,
  // listed showcase plays for everyone; private, unapproved, cancelled: 404 to all (server/embed.db.test.ts).
  'embed/:sessionId': {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  // oEmbed of the world's showcase link (queryByRoute): public JSON for everyone; errors in server/embed.db.test.ts.
  oembed: {
    get: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  '*': {
    get: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  },
}

// Sensitive intents: "<route> › <intent>" (forms in ACTION_PROBES, tests/authorization-world.ts).
export const ACTION_MATRIX: Record<string, Row> = {
  //       anonymous  buyer  owner  member  otherExporter  organizer  otherOrganizer  admin  studioOperator  tradeOfficer  agencyMember
  'exporter/team › invite': [LOGIN, 403, '→/exporter/team', 403, '→/exporter/team', 403, 403, 403, 403, 403, 403],
  'exporter/team › remove-member': [LOGIN, 403, '→/exporter/team', 403, 404, 403, 403, 403, 403, 403, 403],
  'exporter/orders › ship': [LOGIN, 403, '→/exporter/orders', '→/exporter/orders', 404, 403, 403, 403, 403, 403, 403],
  'orders/:orderId › ship': [LOGIN, 403, '→/orders/:orderId', '→/orders/:orderId', 404, 404, 404, 404, 404, 404, 404],
  'orders/:orderId › refund': [LOGIN, 403, 400, 403, 404, 404, 404, 404, 404, 404, 404],
  'inquiries/:inquiryId › message': [
    LOGIN,
    '→/inquiries/:inquiryId',
    '→/inquiries/:inquiryId',
    '→/inquiries/:inquiryId',
    404,
    404,
    404,
    403,
    404,
    404,
    '→/inquiries/:inquiryId',
  ],
  // A quote: the company's members and the agency holding its RFQs & quotes grant; the buyer is not the exporter side.
  'inquiries/:inquiryId › quote': [LOGIN, 403, '→/inquiries/:inquiryId', '→/inquiries/:inquiryId', 404, 404, 404, 403, 404, 404, '→/inquiries/:inquiryId'],
  'organizer/fairs/:fairId › approve': [LOGIN, 403, 403, 403, 403, '→/organizer/fairs/:fairId', 404, '→/organizer/fairs/:fairId', 403, 403, 403],
  'organizer/fairs/:fairId/check-in/scans › scan': [LOGIN, 403, 403, 403, 403, 200, 404, 200, 403, 403, 403],
  'exporter/fairs/:fairId/booth-scan/scans › scan': [LOGIN, 403, 200, 200, 404, 403, 403, 403, 403, 403, 403],
  'organizer/fairs/:fairId/fees › set-fee': [LOGIN, 403, 403, 403, 403, '→/organizer/fairs/:fairId/fees', 404, '→/organizer/fairs/:fairId/fees', 403, 403, 403],
  'exporter/studio › request': [LOGIN, 403, '→/exporter/studio', 403, 403, 403, 403, 403, 403, 403, '→/exporter/studio'],
  'hub/studio › approve': [LOGIN, 403, 403, 403, 403, 403, 403, '→/hub/studio', '→/hub/studio', 403, 403],
  'organizer/rates › rate': [LOGIN, 403, 403, 403, 403, 403, 403, '→/organizer/rates', 403, 403, 403],
  'organizer/rates › delete': [LOGIN, 403, 403, 403, 403, 403, 403, '→/organizer/rates', 403, 403, 403],
  'consultations/:consultationId › confirm': [LOGIN, 404, 403, 404, 404, 404, 404, 404, 404, '→/consultations/:consultationId', 404],
  'meetings/:meetingId › cancel': [
    LOGIN,
    '→/meetings/:meetingId',
    '→/meetings/:meetingId',
    '→/meetings/:meetingId',
    404,
    403,
    404,
    403,
    404,
    404,
    '→/meetings/:meetingId',
  ],
  // The buyer's request (no fair): the exporter side answers (its members, the agency with the MEETINGS grant);
  // not the buyer, nor an admin; an organizer does not see it.
  'meetings/:meetingId › accept': [LOGIN, 403, '→/meetings/:meetingId', '→/meetings/:meetingId', 404, 404, 404, 403, 404, 404, '→/meetings/:meetingId'],
  'fairs/:slug/booths/:code › preference': [LOGIN, '→/fairs/:slug/booths/:code', 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'exporter/replays › delete': [LOGIN, 403, '→/exporter/replays', 403, 404, 403, 403, 403, 403, 403, 403],
  'organizer/fairs/:fairId › unpublish-replay': [LOGIN, 403, 403, 403, 403, '→/organizer/fairs/:fairId', 404, '→/organizer/fairs/:fairId', 403, 403, 403],
  'studio/:sessionId › recording': [LOGIN, 403, '→/studio/:sessionId', 403, 403, 403, 403, 403, 403, 403, '→/studio/:sessionId'],
  'admin/requirements/:code › delete': [LOGIN, 403, 403, 403, 403, 403, 403, '→/admin/requirements', 403, 403, 403],
  // Verified buyers: a buyer registered to "the" fair, verified by its organizer or an admin; exporters and
  // buyers may not; another fair's organizer gets the fair's 404. Any buyer on the admin's list.
  'organizer/fairs/:fairId › verify-buyer': [LOGIN, 403, 403, 403, 403, '→/organizer/fairs/:fairId', 404, '→/organizer/fairs/:fairId', 403, 403, 403],
  'organizer/fairs/:fairId › revoke-buyer': [LOGIN, 403, 403, 403, 403, '→/organizer/fairs/:fairId', 404, '→/organizer/fairs/:fairId', 403, 403, 403],
  'admin/buyers › verify-buyer': [LOGIN, 403, 403, 403, 403, 403, 403, '→/admin/buyers', 403, 403, 403],
  'admin/staff › create-staff': [LOGIN, 403, 403, 403, 403, 403, 403, '→/admin/staff', 403, 403, 403],
  'live/:sessionId/clips › create-clip': [LOGIN, 404, 200, 403, 404, 200, 404, 200, 404, 404, 404],
  // Export agencies: only the OWNER grants and revokes (another company's owner grants for their own company, and
  // finds no grant of "the" company to revoke); only an agency member acts for a company; only admins create
  // agencies and add members.
  'exporter/agencies › grant': [LOGIN, 403, '→/exporter/agencies', 403, '→/exporter/agencies', 403, 403, 403, 403, 403, 403],
  'exporter/agencies › revoke': [LOGIN, 403, '→/exporter/agencies', 403, 404, 403, 403, 403, 403, 403, 403],
  'agency › act-for': [LOGIN, 403, 403, 403, 403, 403, 403, 403, 403, 403, '→/agency'],
  'agency/team › add-member': [LOGIN, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'admin/agencies › create-agency': [LOGIN, 403, 403, 403, 403, 403, 403, '→/admin/agencies', 403, 403, 403],
  'admin/agencies › add-member': [LOGIN, 403, 403, 403, 403, 403, 403, '→/admin/agencies', 403, 403, 403],
  'exporter/sessions › schedule-into-fair': [LOGIN, 403, '→/exporter/sessions', '→/exporter/sessions', 400, 403, 403, 403, 403, 403, 403],
}
