import { describe, expect, it } from 'vitest'
import { reasonMessage, SCORE_RULE, scoreFingerprint, scoreLead, type LeadActivity } from './score'

const none: LeadActivity = { liveSeconds: 0, replaySeconds: 0, productsOpened: 0, chatMessages: 0, rfqs: 0, meetings: 0 }

describe('scoreLead', () => {
  it('gives nothing and no reasons to someone who did nothing', () => {
    expect(scoreLead(none)).toEqual({ score: 0, reasons: [] })
  })

  it('counts live and replay minutes together, a point per 5 minutes, capped', () => {
    expect(scoreLead({ ...none, liveSeconds: 23 * 60 + 59 })).toEqual({ score: 4, reasons: [{ code: 'watched', minutes: 23, points: 4 }] })
    expect(scoreLead({ ...none, liveSeconds: 3 * 60, replaySeconds: 2 * 60 }).reasons).toEqual([{ code: 'watched', minutes: 5, points: 1 }])
    // A short visit is shown as a reason, worth nothing yet.
    expect(scoreLead({ ...none, liveSeconds: 119 })).toEqual({ score: 0, reasons: [{ code: 'watched', minutes: 1, points: 0 }] })
    expect(scoreLead({ ...none, liveSeconds: 3 * 3600 }).score).toBe(SCORE_RULE.watchMaxPoints)
  })

  it('scores products opened per product up to a cap, and chat, RFQ, meeting and verification once each', () => {
    const result = scoreLead({ liveSeconds: 600, replaySeconds: 0, productsOpened: 2, chatMessages: 4, rfqs: 2, meetings: 1, verified: true })
    expect(result.reasons).toEqual([
      { code: 'watched', minutes: 10, points: 2 },
      { code: 'opened-products', count: 2, points: 4 },
      { code: 'asked-in-chat', count: 4, points: 3 },
      { code: 'sent-rfq', count: 2, points: 10 },
      { code: 'meeting', count: 1, points: 8 },
      { code: 'verified-buyer', points: 3 },
    ])
    expect(result.score).toBe(2 + 4 + 3 + 10 + 8 + 3)
    expect(scoreLead({ ...none, productsOpened: 40 }).score).toBe(SCORE_RULE.productMaxPoints)
  })

  it('leaves verification out when it is unknown or false', () => {
    expect(scoreLead({ ...none, verified: false })).toEqual({ score: 0, reasons: [] })
    expect(scoreLead({ ...none, verified: undefined })).toEqual({ score: 0, reasons: [] })
  })

  it('treats nonsense figures as zero', () => {
    expect(scoreLead({ liveSeconds: -50, replaySeconds: Number.NaN, productsOpened: -1, chatMessages: Infinity, rfqs: 0.5, meetings: -3 })).toEqual({
      score: 0,
      reasons: [],
    })
  })

  it('fingerprints score and reasons so a change in either is seen', () => {
    const a = scoreLead({ ...none, rfqs: 1 })
    const b = scoreLead({ ...none, rfqs: 1, chatMessages: 1 })
    expect(scoreFingerprint(a)).not.toBe(scoreFingerprint(b))
    expect(scoreFingerprint(a)).toBe(scoreFingerprint(scoreLead({ ...none, rfqs: 3 })))
  })
})

describe('reasonMessage', () => {
  it('names each reason by its message key, with the count its sentence needs', () => {
    const { reasons } = scoreLead({ liveSeconds: 1500, replaySeconds: 0, productsOpened: 3, chatMessages: 1, rfqs: 1, meetings: 1, verified: true })
    expect(reasons.map(reasonMessage)).toEqual([
      { key: 'leads.reason.watched', options: { count: 25 } },
      { key: 'leads.reason.opened-products', options: { count: 3 } },
      { key: 'leads.reason.asked-in-chat', options: {} },
      { key: 'leads.reason.sent-rfq', options: {} },
      { key: 'leads.reason.meeting', options: {} },
      { key: 'leads.reason.verified-buyer', options: {} },
    ])
  })
})
