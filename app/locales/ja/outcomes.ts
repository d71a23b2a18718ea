import type en from '../en/outcomes'
import type { MessagesOf } from '../types'

const outcomes: MessagesOf<typeof en, 'ja'> = {
  outcomes: {
    moveTo: '次の段階',
    move: '段階を更新',
    optional: '(任意)',
    date: '到達日 (既定は今日)',
    convertedHint: 'どの通貨でも入力できます。その日に有効な為替レートで USD として保存されます。',
    timeline: '到達した成果段階',
    meetingContractValue: '締結した契約金額 (USD)',
    lostBecause: '失注: {{reason}}',
    valueOf: {
      QUOTE: '見積金額',
      LOI: '購入意向書 (LOI) の金額',
      CONTRACT_SIGNED: '契約金額',
      SHIPPED: '出荷金額',
    },
    errors: {
      invalidTransition: 'この取引は現在の段階からその段階へ進めません。',
      valueRequired: 'この段階の金額を入力してください。',
      valueInvalid: '0 以上の金額を入力してください。',
      valueNotUsed: 'この段階には金額がありません。金額は空欄のままにしてください。',
      dateInvalid: '正しい日付を入力してください。',
      dateInFuture: '未来の日付は入力できません。',
      dateBeforePrevious: '取引が現在の段階に達した日より前の日付は入力できません。',
      noRate: 'その日付のこの通貨の為替レートがまだありません。USD で入力するか、管理者にレートの追加を依頼してください。',
      meetingContractHeld: '契約金額は実施された商談会にのみ記録できます。',
    },
    funnel: {
      title: '成果段階',
      stage: '段階',
      reached: '到達',
      current: '現在この段階',
      value: '現在この段階の金額 (USD)',
      pursued: '交渉中の契約 (見込み)',
      signed: '締結済みの契約',
      shipped: '出荷済み',
      lost: '失注',
      deals_other: '{{count}} 件',
      fromMeetings: '商談後の見込み契約額 {{value}} を含む',
      chartSummary: '{{stage}}: {{count}} 件到達',
    },
    definitions: {
      title: '集計の定義',
      deal: '取引とは商談 1 件のことで、この展示会の引き合い、または実施された商談会を指します。実施された商談会は商談段階にあり、契約金額を記録すると契約締結段階になります。',
      reached: '到達: その段階以降にある取引。その段階まで進んだ後に失注した取引も含みます。',
      value:
        '金額: 商談段階は商談額、見積・サンプル段階は見積金額、LOI 段階は購入意向書の金額、契約締結段階は契約金額、出荷段階は出荷 (請求) 金額。いずれも段階の日付に有効なレートで換算した USD です。',
      pursued: '交渉中: 現在、見積・サンプル・LOI の段階にある取引と、実施された商談会の見込み契約額。締結ではなく見込みです。',
      signed: '締結: 現在、契約締結または出荷の段階にある取引とその契約金額。',
      shipped: '出荷: 現在、出荷段階にある取引とその出荷金額。失注した取引は金額に加えません。',
    },
    export: {
      pursuedValue: '交渉中の金額 (USD)',
      shippedValue: '出荷金額 (USD)',
    },
  },
}
export default outcomes
