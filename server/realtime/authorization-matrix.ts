import type { ErrorCode, LiveEventName } from '../../app/protocol/live.ts'
import type { MediaErrorCode, MediaRequestName } from '../../app/protocol/media.ts'

/**
 * Who may send which Socket.io event: every client → server event of app/protocol/live.ts and
 * app/protocol/media.ts, for each kind of person, with the expected answer ('ok' or the error code).
 * server/realtime/authorization-matrix.db.test.ts plays every cell against the real namespaces and
 * fails when an event of the catalogue has no row here (the types refuse it too).
 *
 * The world: a public, LIVE showcase of company C, hosted by C's OWNER (LiveSession.hostId), on the
 * programme of fair F. Each cell gets a fresh showcase; the person first joins it (/live: live:join;
 * /media: as `host` when they may, else as `viewer`), then sends the event with a valid payload that
 * acts on that showcase (a message by someone else, a buyer as the sanction target, C's product).
 *
 *   guest           a visitor without an account (a guest cookie)
 *   buyer           a signed-in buyer
 *   owner           the OWNER of C, host of the showcase
 *   member          a MEMBER of C who does not host it (company role without manage:showcase:own
 *                   and manage:blocked-words:own): still moderates chat, may not broadcast into it
 *   otherExporter   the owner of another company
 *   fairOrganizer   the organizer of fair F
 *   otherOrganizer  the organizer of another fair
 *   admin           a platform administrator
 *   agency          a member of an export agency whose active grant from C holds SHOWCASES (ADR 026): runs C's
 *                   showcases like the owner (hosts, broadcasts, moderates, pins), never C's blocked words
 */
export const ACTORS = ['guest', 'buyer', 'owner', 'member', 'otherExporter', 'fairOrganizer', 'otherOrganizer', 'admin', 'agency'] as const
export type Actor = (typeof ACTORS)[number]

type Row<Code extends string> = Readonly<Record<Actor, 'ok' | Code>>

// prettier-ignore
export const LIVE_EVENT_MATRIX = {
  'live:join':         { guest: 'ok',        buyer: 'ok',        owner: 'ok', member: 'ok',        otherExporter: 'ok',        fairOrganizer: 'ok',        otherOrganizer: 'ok',        admin: 'ok',        agency: 'ok' },
  'live:leave':        { guest: 'ok',        buyer: 'ok',        owner: 'ok', member: 'ok',        otherExporter: 'ok',        fairOrganizer: 'ok',        otherOrganizer: 'ok',        admin: 'ok',        agency: 'ok' },
  'chat:send':         { guest: 'ok',        buyer: 'ok',        owner: 'ok', member: 'ok',        otherExporter: 'ok',        fairOrganizer: 'ok',        otherOrganizer: 'ok',        admin: 'ok',        agency: 'ok' },
  'room:react':        { guest: 'ok',        buyer: 'ok',        owner: 'ok', member: 'ok',        otherExporter: 'ok',        fairOrganizer: 'ok',        otherOrganizer: 'ok',        admin: 'ok',        agency: 'ok' },
  'chat:delete':       { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'ok',        otherExporter: 'forbidden', fairOrganizer: 'ok',        otherOrganizer: 'forbidden', admin: 'ok',        agency: 'ok' },
  'chat:pin':          { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'ok',        otherExporter: 'forbidden', fairOrganizer: 'ok',        otherOrganizer: 'forbidden', admin: 'ok',        agency: 'ok' },
  'mod:sanction':      { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'ok',        otherExporter: 'forbidden', fairOrganizer: 'ok',        otherOrganizer: 'forbidden', admin: 'ok',        agency: 'ok' },
  'mod:unban':         { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'ok',        otherExporter: 'forbidden', fairOrganizer: 'ok',        otherOrganizer: 'forbidden', admin: 'ok',        agency: 'ok' },
  'mod:slow-mode':     { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'ok',        otherExporter: 'forbidden', fairOrganizer: 'ok',        otherOrganizer: 'forbidden', admin: 'ok',        agency: 'ok' },
  'mod:participants':  { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'ok',        otherExporter: 'forbidden', fairOrganizer: 'ok',        otherOrganizer: 'forbidden', admin: 'ok',        agency: 'ok' },
  'mod:blocked-words': { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'forbidden' },
  'products:pin':      { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'ok',        otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
} as const satisfies Record<LiveEventName, Row<ErrorCode>>

// `media:join` is played as a join as `host`; everyone may join as `viewer` (the row of media:ready).
// prettier-ignore
export const MEDIA_EVENT_MATRIX = {
  'media:join':              { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
  'media:ready':             { guest: 'ok',        buyer: 'ok',        owner: 'ok', member: 'ok',        otherExporter: 'ok',        fairOrganizer: 'ok',        otherOrganizer: 'ok',        admin: 'ok',        agency: 'ok' },
  'media:create-transport':  { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
  'media:connect-transport': { guest: 'ok',        buyer: 'ok',        owner: 'ok', member: 'ok',        otherExporter: 'ok',        fairOrganizer: 'ok',        otherOrganizer: 'ok',        admin: 'ok',        agency: 'ok' },
  'media:produce':           { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
  'media:pause-producer':    { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
  'media:resume-producer':   { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
  'media:close-producer':    { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
  'media:set-source':        { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
  'media:consume':           { guest: 'ok',        buyer: 'ok',        owner: 'ok', member: 'ok',        otherExporter: 'ok',        fairOrganizer: 'ok',        otherOrganizer: 'ok',        admin: 'ok',        agency: 'ok' },
  'media:resume-consumer':   { guest: 'ok',        buyer: 'ok',        owner: 'ok', member: 'ok',        otherExporter: 'ok',        fairOrganizer: 'ok',        otherOrganizer: 'ok',        admin: 'ok',        agency: 'ok' },
  'media:set-quality':       { guest: 'ok',        buyer: 'ok',        owner: 'ok', member: 'ok',        otherExporter: 'ok',        fairOrganizer: 'ok',        otherOrganizer: 'ok',        admin: 'ok',        agency: 'ok' },
  'media:go-live':           { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
  'media:end':               { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
  'media:restream-retry':    { guest: 'forbidden', buyer: 'forbidden', owner: 'ok', member: 'forbidden', otherExporter: 'forbidden', fairOrganizer: 'forbidden', otherOrganizer: 'forbidden', admin: 'forbidden', agency: 'ok' },
  'media:leave':             { guest: 'ok',        buyer: 'ok',        owner: 'ok', member: 'ok',        otherExporter: 'ok',        fairOrganizer: 'ok',        otherOrganizer: 'ok',        admin: 'ok',        agency: 'ok' },
  // Served only with ENABLE_TEST_HOOKS=1, never in production: unknown there.
  'test:kill-worker':        { guest: 'not-found', buyer: 'not-found', owner: 'not-found', member: 'not-found', otherExporter: 'not-found', fairOrganizer: 'not-found', otherOrganizer: 'not-found', admin: 'not-found', agency: 'not-found' },
} as const satisfies Record<MediaRequestName, Row<MediaErrorCode>>
