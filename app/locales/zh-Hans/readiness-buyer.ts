import type en from '../en/readiness-buyer'
import type { MessagesOf } from '../types'

const readinessBuyer: MessagesOf<typeof en, 'zh-Hans'> = {
  readinessBuyer: {
    filterLegend: '按市场的出口准备',
    market: '市场',
    otherMarket: '其他市场',
    anyMarket: '任意市场',
    readyFor: '已具备{{market}}出口条件',
    readyForYourMarket: '已具备您所在市场（{{market}}）的出口条件',
    filterApplied: '仅显示满足{{market}}全部已登记要求的产品。',
    directoryHint: '仅显示所介绍产品满足{{country}}全部已登记要求（当日有效）的直播展示。',
    notCovered: '尚未登记{{market}}的要求，因此未应用出口准备筛选。',
    product: {
      title: '{{market}}出口准备情况',
      chooseMarket: '市场',
      show: '查看',
      held: '已具备',
      missing: '缺少',
      expiring: '发货前到期',
      checks: '另需核实',
      none: '该产品在此市场没有已登记的文件要求。',
      notCovered: '尚未登记{{market}}的要求。',
    },
    gap: {
      title: '采购商所在市场的出口准备情况：{{market}}',
      intro: '报价前请查看：按预计发货日 {{date}}，该产品针对{{market}}已具备和缺少的内容。',
      missing: '缺少',
      expiring: '发货日前到期',
      allHeld: '已具备全部已登记的要求。',
      fix: '在产品的出口准备部分添加文件',
      noProduct: '此询盘未指定产品，无法显示出口准备情况。',
    },
  },
}

export default readinessBuyer
