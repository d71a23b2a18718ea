// Fair schedule (ADR 022): idle breaks in the participants' agendas, and offering freed slots again.
const scheduleRefill = {
  scheduleRefill: {
    breaks: {
      title: '日程中的空档',
      hint: '空档是指某人当天第一场与最后一场洽谈之间没有安排的时段。日程会保留找到的全部洽谈，再把洽谈移到其他时段以减少空档（有洽谈的参与者 {{participants}} 位）。',
      total: '全部日程的空档',
      mean: '每位参与者的空档（平均）',
      max: '单个参与者的最多空档',
      withBreaks: '有空档的参与者',
      before: '压缩前：{{value}}',
    },
    freed: {
      title: '空出的时段',
      none: '已发布的洽谈中，没有在时段开始前被取消、拒绝或过期的。',
      summary_other: '{{count}} 场已发布的洽谈在时段开始前被取消，日程中空出了 {{places}} 个位置。',
      hint: '重新安排时，仍有效的洽谈保持不变，已开始的时段不再使用，被取消的组合不会再次提议。请审核新的洽谈，然后照常发布。',
      refill: '重新安排空出的时段',
      refilling: '正在安排空出的时段…',
      result_other: '草稿用 {{count}} 场新洽谈填补了 {{freed}} 个空出位置中的 {{refilled}} 个。',
    },
  },
}
export default scheduleRefill
