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
    expect(plain).toContain('Agenda: Gochujang private label')
    expect(plain).toContain('Meeting room: https://tradecast.example/meetings/mtg_123')
  })

  it('writes the description in the language of whoever downloads it', () => {
    const described = (locale: string) =>
      (/DESCRIPTION:(.*)\r\n/.exec(unfold(meetingInviteIcs({ ...meeting, locale })))?.[1] ?? '').replace(/\\n/g, '\n').replace(/\\,/g, ',').replace(/\s/gu, ' ')
    const ko = described('ko')
    expect(ko).toContain('안건: Gochujang private label')
    expect(ko).toContain('현지 시간:')
    expect(ko).toContain('Kim Jiwoo (Seorak Foods): 3월 10일 (화) 오전 7:00~7:30 GMT+9 (Asia/Seoul)')
    expect(ko).toContain('Dana Miller (Hudson Imports): 3월 9일 (월) 오후 6:00~6:30 GMT-4 (America/New_York)')
    expect(ko).toContain('미팅룸: https://tradecast.example/meetings/mtg_123')
    // Dates and times through Intl in each locale, Simplified Chinese and Mongolian included.
    expect(described('zh-Hans')).toContain('3/10周二 GMT+9 07:00–07:30')
    expect(described('mn')).toContain('3-р сарын 10. Мя 07:00 – 07:30 (GMT+9)')
    expect(described('ru')).toContain('вт, 10 мар., 07:00–07:30 GMT+9')
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
    language: 'ko',
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
    expect(ics).toContain(
      'DESCRIPTION:Live showcase by Inje Omija Farm\\nLanguage spoken: Korean\\n\\nTasting\\; MOQ 500 bottles\\n\\nWatch it live: https://tradecast.example/live/ses_42',
    )
    expect(ics).not.toMatch(/ATTENDEE|ORGANIZER/)
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1)
  })

  it('writes the description in the language of whoever downloads it', () => {
    const ko = unfold(showcaseEventIcs({ ...show, locale: 'ko' }))
    expect(ko).toContain(
      'DESCRIPTION:Inje Omija Farm의 라이브 쇼케이스\\n진행 언어: 한국어\\n\\nTasting\\; MOQ 500 bottles\\n\\n라이브로 시청하기: https://tradecast.example/live/ses_42',
    )
    // The show's own title and text stay as the exporter wrote them.
    expect(ko).toContain('SUMMARY:Omija cordials\\, live — Inje Omija Farm')
  })

  it('refuses a show that ends before it starts', () => {
    expect(() => showcaseEventIcs({ ...show, endsAt: show.startsAt })).toThrow(RangeError)
  })
})
