import type en from '../en/readiness'
import type { MessagesOf } from '../types'

const readiness: MessagesOf<typeof en, 'ja'> = {
  readiness: {
    disclaimer: '公開情報に基づく目安であり、法的助言ではありません。規制は変わります。各出典を確認し、出荷前に輸入者・通関業者・KOTRA に確認してください。',
    status: {
      ready: '輸出準備完了',
      expiring: '出荷前に更新が必要',
      missing: '要件が不足',
      'not-covered': '登録された規則なし',
    },
    item: {
      held: '取得済み',
      expiring: '出荷日前に期限切れ',
      missing: '未取得',
      check: '要確認',
    },
    kind: {
      registration: '登録',
      certificate: '認証',
      notification: '届出',
      testing: '試験',
      labelling: '表示',
    },
    scope: { company: '会社単位', product: '製品ごと' },
    issuer: {
      regulator: '政府規制当局',
      'certification-body': '認証機関',
      'testing-lab': '認定試験所',
      'halal-authority': 'ハラール認証機関',
      'local-agent': '現地代理人または輸入者',
      'chamber-of-commerce': '商工会議所',
      'plant-quarantine': '植物検疫機関',
      'notified-body': '通知機関（ノーティファイドボディ）',
    },
    leadTime: '{{min}}～{{max}}日',
    voucher: '輸出バウチャーで支援を受けられます',
    source: '出典',
    checkedOn: '{{date}} 確認',
    notChecked: '出典未確認',
    heldDocument: '{{type}} {{number}}、{{until}} まで有効',
    heldDocumentOpenEnded: '{{type}} {{number}}、期限なし',
    lapsedDocument: '{{type}} {{number}} は現在無効です',
    shipDate: '出荷予定日',
    marketLabel: '市場',
    blocs: { EU: '欧州連合', GCC: '湾岸協力会議（GCC）', EAEU: 'ユーラシア経済連合' },
    errors: {
      market: '国または経済圏を選んでください',
      hsPrefix: 'HS の接頭辞は 2～10 桁の数字です',
      code: '大文字・数字・ハイフンを使ってください（例：US-FDA-FFR）',
      documentType: '書類の種類は大文字・数字・- または _ のみです',
      leadTime: '最短の所要日数は最長を超えられません',
      exceptOutside: '除外は、適用する接頭辞の内側にあるより長い接頭辞にしてください',
    },
  },
}

export default readiness
