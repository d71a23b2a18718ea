import type en from '../en/readiness-buyer'
import type { MessagesOf } from '../types'

const readinessBuyer: MessagesOf<typeof en, 'ja'> = {
  readinessBuyer: {
    filterLegend: '市場別の輸出準備',
    market: '市場',
    otherMarket: '別の市場',
    anyMarket: 'すべての市場',
    readyFor: '{{market}}向け輸出準備完了',
    readyForYourMarket: 'あなたの市場（{{market}}）向け輸出準備完了',
    filterApplied: '{{market}}について登録されている要件をすべて満たす商品を表示しています。',
    directoryHint: '{{country}}について登録されている要件をすべて満たす（本日有効な）商品を紹介するショーケースのみ表示します。',
    notCovered: '{{market}}の要件はまだ登録されていないため、輸出準備フィルターは適用されていません。',
    product: {
      title: '{{market}}向けの輸出準備状況',
      chooseMarket: '市場',
      show: '表示',
      held: '取得済み',
      missing: '不足',
      expiring: '出荷前に期限切れ',
      checks: 'あわせて確認する事項',
      none: 'この商品について、その市場の書類要件は登録されていません。',
      notCovered: '{{market}}の要件はまだ登録されていません。',
    },
    gap: {
      title: 'バイヤーの市場の輸出準備状況：{{market}}',
      intro: '見積もりの前に：出荷予定日 {{date}} 時点で、この商品が {{market}} 向けに満たしているものと不足しているものです。',
      missing: '不足',
      expiring: '出荷予定日前に期限切れ',
      allHeld: '登録されている要件をすべて満たしています。',
      fix: '商品の輸出準備セクションで書類を追加する',
      noProduct: 'この引き合いには商品が指定されていないため、輸出準備状況は表示できません。',
    },
  },
}

export default readinessBuyer
