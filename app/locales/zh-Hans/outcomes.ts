import type en from '../en/outcomes'
import type { MessagesOf } from '../types'

const outcomes: MessagesOf<typeof en, 'zh-Hans'> = {
  outcomes: {
    moveTo: '推进到',
    move: '更新阶段',
    optional: '(可选)',
    date: '达成日期 (默认今天)',
    convertedHint: '可用任意币种填写,系统按该日期有效的汇率折算为 USD 保存。',
    timeline: '已达成的成果阶段',
    meetingContractValue: '已签合同金额 (USD)',
    lostBecause: '未成交: {{reason}}',
    valueOf: {
      QUOTE: '报价金额',
      LOI: '意向书 (LOI) 金额',
      CONTRACT_SIGNED: '合同金额',
      SHIPPED: '发货金额',
    },
    errors: {
      invalidTransition: '该交易无法从当前阶段推进到所选阶段。',
      valueRequired: '请填写该阶段的金额。',
      valueInvalid: '请输入 0 或以上的金额。',
      valueNotUsed: '该阶段没有金额,请留空。',
      dateInvalid: '请输入有效日期。',
      dateInFuture: '日期不能晚于今天。',
      dateBeforePrevious: '日期不能早于交易进入当前阶段的日期。',
      noRate: '该日期还没有此币种的汇率。请用 USD 填写,或请管理员添加汇率。',
      meetingContractHeld: '合同金额只能记录在已举行的会议上。',
    },
    funnel: {
      title: '成果阶段',
      stage: '阶段',
      reached: '已达成',
      current: '当前处于此阶段',
      value: '当前此阶段金额 (USD)',
      pursued: '洽谈中的合同 (预期)',
      signed: '已签约合同',
      shipped: '已发货',
      lost: '未成交',
      deals_other: '{{count}} 笔交易',
      fromMeetings: '含会议后预期合同额 {{value}}',
      chartSummary: '{{stage}}: {{count}} 笔达成',
    },
    definitions: {
      title: '统计口径',
      deal: '一笔交易即一次洽谈:本展会的一条询盘,或一场已举行的会议。已举行的会议处于洽谈阶段,记录合同金额后进入已签约阶段。',
      reached: '已达成: 处于该阶段或之后阶段的交易,包括到达该阶段后未成交的交易。',
      value:
        '金额: 洽谈阶段为洽谈额,报价和样品阶段为报价金额,LOI 阶段为意向书金额,已签约阶段为合同金额,已发货阶段为发货 (发票) 金额,均按该阶段日期有效的汇率折算为 USD。',
      pursued: '洽谈中: 当前处于报价、样品或 LOI 阶段的交易,加上已举行会议的预期合同额。是预期,不是已签约。',
      signed: '已签约: 当前处于已签约或已发货阶段的交易及其合同金额。',
      shipped: '已发货: 当前处于已发货阶段的交易及其发货金额。未成交的交易不计入任何金额。',
    },
    export: {
      pursuedValue: '洽谈中金额 (USD)',
      shippedValue: '发货金额 (USD)',
    },
  },
}
export default outcomes
