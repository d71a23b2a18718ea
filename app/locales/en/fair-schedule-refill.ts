// Fair schedule (ADR 022): idle breaks in the participants' agendas, and offering the slots freed by
// called-off published meetings again.
const scheduleRefill = {
  scheduleRefill: {
    breaks: {
      title: 'Idle breaks in agendas',
      hint: 'A break is an idle gap between someone’s first and last meeting of a day. The schedule keeps every meeting it found and then moves meetings between slots to close gaps ({{participants}} participants with a meeting).',
      total: 'Breaks in all agendas',
      mean: 'Breaks per participant (mean)',
      max: 'Most breaks for one participant',
      withBreaks: 'Participants with a break',
      before: 'before compaction: {{value}}',
    },
    freed: {
      title: 'Freed slots',
      none: 'No published meeting has been cancelled, declined or expired before its slot.',
      summary_one: '{{count}} published meeting was called off before its slot, freeing {{places}} places in agendas.',
      summary_other: '{{count}} published meetings were called off before their slots, freeing {{places}} places in agendas.',
      hint: 'Offering them again keeps every meeting that still stands where it is, leaves out slots that have started and does not propose a called-off pair again. Review the new meetings and publish them as usual.',
      refill: 'Offer freed slots again',
      refilling: 'Filling freed slots…',
      result_one: 'The draft fills {{refilled}} of {{freed}} freed places with {{count}} new meeting.',
      result_other: 'The draft fills {{refilled}} of {{freed}} freed places with {{count}} new meetings.',
    },
  },
}
export default scheduleRefill
