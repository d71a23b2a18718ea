// Calendar files (.ics): a meeting's invitation and a showcase's "add to calendar". Times are written in
// UTC ("Z"), so every calendar shows them in its own zone; the description, in the language of whoever
// downloads the file, spells out the parties' local times (meetings) or the host and language (showcases).
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { createI18n, isSupportedLocale, type Locale } from '~/lib/i18n'
import { languageName } from '~/lib/languages'
import { formatDateTime } from '~/lib/time'
import { formatSlotInZone } from './slot-finder.ts'

function readerLocale(locale: string | undefined): Locale {
  return locale && isSupportedLocale(locale) ? locale : 'en'
}

export type InviteParty = {
  name: string
  email: string
  /** Company shown after the name in the description */
  company?: string
  /** IANA zone the party works in */
  timeZone: string
}

export type MeetingInvite = {
  meetingId: string
  startsAt: Date
  endsAt: Date
  title: string
  agenda?: string
  /** Link to the meeting room */
  joinUrl?: string
  /** Sends the invitation (usually the party who accepted the request) */
  organizer: InviteParty
  attendees: readonly InviteParty[]
  /** When the invitation is generated (DTSTAMP); passed in, not read from the clock */
  now: Date
  /** Incremented on each change to the meeting so calendars replace the earlier copy */
  sequence?: number
  /** Language of the description (a UI locale; English otherwise) */
  locale?: string
  /** Right-hand side of the UID, e.g. the platform's domain */
  uidDomain?: string
}

/** Text of an iCalendar file (METHOD:REQUEST) with one event for the meeting. */
export function meetingInviteIcs(meeting: MeetingInvite): string {
  if (meeting.endsAt.getTime() <= meeting.startsAt.getTime()) {
    throw new RangeError(`Meeting ${meeting.meetingId} ends before it starts`)
  }
  const locale = readerLocale(meeting.locale)
  const { t } = createI18n(locale)
  const parties = [meeting.organizer, ...meeting.attendees]
  const partyLine = (party: InviteParty) =>
    t('meetings.ics.party', {
      who: party.company ? t('meetings.ics.person', { name: party.name, company: party.company }) : party.name,
      time: formatSlotInZone({ start: meeting.startsAt, end: meeting.endsAt }, { locale, timeZone: party.timeZone }),
      zone: party.timeZone,
    })
  const description = [
    ...(meeting.agenda ? [t('meetings.ics.agenda', { agenda: meeting.agenda }), ''] : []),
    t('meetings.ics.localTimes'),
    ...parties.map(partyLine),
    ...(meeting.joinUrl ? ['', t('meetings.ics.join', { url: meeting.joinUrl })] : []),
  ].join('\n')

  const calendar = ical({ prodId: { company: 'Tradecast', product: 'Meetings', language: 'EN' } })
  calendar.method(ICalCalendarMethod.REQUEST)
  calendar.createEvent({
    id: `${meeting.meetingId}@${meeting.uidDomain ?? 'tradecast.app'}`,
    sequence: meeting.sequence ?? 0,
    stamp: meeting.now,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: meeting.title,
    description,
    url: meeting.joinUrl ?? null,
    location: meeting.joinUrl ?? null,
    status: ICalEventStatus.CONFIRMED,
    organizer: { name: meeting.organizer.name, email: meeting.organizer.email },
    attendees: meeting.attendees.map((attendee) => ({
      name: attendee.name,
      email: attendee.email,
      role: ICalAttendeeRole.REQ,
      // The meeting was accepted before the invite is sent.
      status: ICalAttendeeStatus.ACCEPTED,
      rsvp: false,
    })),
  })
  return calendar.toString()
}

export type ShowcaseEvent = {
  sessionId: string
  title: string
  /** The exporter company hosting the show */
  company: string
  description?: string
  /** The language spoken in the show (a BCP 47 primary tag), named in the reader's language */
  language?: string
  startsAt: Date
  endsAt: Date
  /** The public viewer page */
  watchUrl: string
  /** Generation time (DTSTAMP); passed in, not read from the clock */
  now: Date
  uidDomain?: string
  /** Language of the description (a UI locale; English otherwise) */
  locale?: string
  /** The reader's IANA zone (an RSVP's): the description names the start in it, and the calendar's zone is it */
  timeZone?: string
}

/**
 * Text of an iCalendar file (METHOD:PUBLISH, no attendees) for a listed showcase, for a visitor's own
 * calendar. Times in UTC ("Z"); the viewer page is the event's URL and location.
 */
export function showcaseEventIcs(show: ShowcaseEvent): string {
  if (show.endsAt.getTime() <= show.startsAt.getTime()) throw new RangeError(`Showcase ${show.sessionId} ends before it starts`)
  const locale = readerLocale(show.locale)
  const { t } = createI18n(locale)
  const description = [
    ...(show.timeZone ? [t('engagement.ics.startsAt', { when: formatDateTime(show.startsAt, { locale, timeZone: show.timeZone, withZone: true }) })] : []),
    t('liveMedia.ics.hostedBy', { company: show.company }),
    ...(show.language ? [t('liveMedia.ics.language', { language: languageName(show.language, locale) })] : []),
    ...(show.description ? ['', show.description] : []),
    '',
    t('liveMedia.ics.watch', { url: show.watchUrl }),
  ].join('\n')
  const calendar = ical({ prodId: { company: 'Tradecast', product: 'Showcases', language: 'EN' } })
  calendar.method(ICalCalendarMethod.PUBLISH)
  // Times stay in UTC (exact whatever the calendar); the reader's zone is named for calendars that show one.
  if (show.timeZone) calendar.x([{ key: 'X-WR-TIMEZONE', value: show.timeZone }])
  calendar.createEvent({
    id: `showcase-${show.sessionId}@${show.uidDomain ?? 'tradecast.app'}`,
    stamp: show.now,
    start: show.startsAt,
    end: show.endsAt,
    summary: `${show.title} — ${show.company}`,
    description,
    url: show.watchUrl,
    location: show.watchUrl,
    status: ICalEventStatus.CONFIRMED,
  })
  return calendar.toString()
}
