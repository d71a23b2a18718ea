import { describe, expect, it } from 'vitest'
import { meetingInviteIcs, type MeetingInvite, showcaseEventIcs } from './ics.ts'

const meeting: MeetingInvite = {
  meetingId: 'mtg_123',
  startsAt: new Date('2026-03-09T22:00:00Z'),
  endsAt: new Date('2026-03-09T22:30:00Z'),
  title: 'Seorak Foods × Hudson Imports',
  agenda: 'Gochujang private label, 20ft container pricing',
  joinUrl: 'https://tradecast.example/meetings/mtg_123',
  organizer: { name: 'Kim Jiwoo', email: 'jiwoo@seorak.example', company: 'Seorak Foods', timeZone: 'Asia/Seoul' },
  attendees: [{ name: 'Dana Miller', email: 'dana@hudson.example', company: 'Hudson Imports', timeZone: 'America/New_York' }],
  now: new Date('2026-03-01T12:00:00Z'),
}

// Unfolds RFC 5545 line folding so assertions can read whole properties.
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '')

describe('meetingInviteIcs', () => {
  const ics = unfold(meetingInviteIcs(meeting))

  it('writes UTC times, UID, stamp and method', () => {
    expect(ics).toContain('BEGIN:VCALENDAR')
    expect(ics).toContain('METHOD:REQUEST')
    expect(ics).toContain('UID:mtg_123@tradecast.app')
    expect(ics).toContain('DTSTART:20260309T220000Z')
    expect(ics).toContain('DTEND:20260309T223000Z')
    expect(ics).toContain('DTSTAMP:20260301T120000Z')
    expect(ics).toContain('SEQUENCE:0')
    expect(ics).toContain('STATUS:CONFIRMED')
  })

  it('names organizer and attendees', () => {
    expect(ics).toMatch(/ORGANIZER;CN="?Kim Jiwoo"?:mailto:jiwoo@seorak\.example/)
    expect(ics).toMatch(/ATTENDEE;[^\r\n]*CN="?Dana Miller"?[^\r\n]*:MAILTO:dana@hudson\.example/i)
    expect(ics).toMatch(/ATTENDEE;[^\r\n]*PARTSTAT=ACCEPTED/)
  })

  it('describes both parties’ local times', () => {
    const description = /DESCRIPTION:(.*)\r\n/.exec(ics)?.[1]?.replace(/\\n/g, '\n').replace(/\\,/g, ',') ?? ''
    const plain = description.replace(/\s/gu, ' ')
    expect(plain).toContain('Kim Jiwoo (Seorak Foods): Tue, Mar 10, 7:00 – 7:30 AM GMT+9 (Asia/Seoul)')
    expect(plain).toContain('Dana Miller (Hudson Imports): Mon, Mar 9, 6:00 – 6:30 PM EDT (America/New_York)')
    expect(plain).toContain('Gochujang private label')
  })

  it('refuses a meeting that ends before it starts', () => {
    expect(() => meetingInviteIcs({ ...meeting, endsAt: meeting.startsAt })).toThrow(RangeError)
  })
})

describe('showcaseEventIcs', () => {
  const show = {
    sessionId: 'ses_42',
    title: 'Omija cordials, live',
    company: 'Inje Omija Farm',
    description: 'Tasting; MOQ 500 bottles',
    // 10:00 in Seoul during the fair, whatever zone the server runs in
    startsAt: new Date('2026-10-14T01:00:00Z'),
    endsAt: new Date('2026-10-14T01:45:00Z'),
    watchUrl: 'https://tradecast.example/live/ses_42',
    now: new Date('2026-10-01T08:00:00Z'),
  }
  const ics = unfold(showcaseEventIcs(show))

  it('publishes one event in UTC with the viewer page as its URL, and no attendees', () => {
    expect(ics).toContain('METHOD:PUBLISH')
    expect(ics).toContain('UID:showcase-ses_42@tradecast.app')
    expect(ics).toContain('DTSTART:20261014T010000Z')
    expect(ics).toContain('DTEND:20261014T014500Z')
    expect(ics).toContain('DTSTAMP:20261001T080000Z')
    expect(ics).toContain('SUMMARY:Omija cordials\\, live — Inje Omija Farm')
    expect(ics).toContain('URL;VALUE=URI:https://tradecast.example/live/ses_42')
    expect(ics).toContain('LOCATION:https://tradecast.example/live/ses_42')
    expect(ics).toContain('DESCRIPTION:Inje Omija Farm\\n\\nTasting\\; MOQ 500 bottles\\n\\nhttps://tradecast.example/live/ses_42')
    expect(ics).not.toMatch(/ATTENDEE|ORGANIZER/)
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1)
  })

  it('refuses a show that ends before it starts', () => {
    expect(() => showcaseEventIcs({ ...show, endsAt: show.startsAt })).toThrow(RangeError)
  })
})
