import type en from '../en/outcomes'
import type { MessagesOf } from '../types'

const outcomes: MessagesOf<typeof en, 'ko'> = {
  outcomes: {
    moveTo: '다음 단계',
    move: '단계 변경',
    optional: '(선택)',
    date: '도달 날짜 (기본값: 오늘)',
    convertedHint: '어떤 통화로든 입력하세요. 그 날짜에 유효한 환율로 USD로 저장됩니다.',
    timeline: '도달한 성과 단계',
    meetingContractValue: '체결된 계약액 (USD)',
    lostBecause: '무산: {{reason}}',
    valueOf: {
      QUOTE: '견적액',
      LOI: '구매의향서 금액',
      CONTRACT_SIGNED: '계약액',
      SHIPPED: '선적액',
    },
    errors: {
      invalidTransition: '이 거래는 현재 단계에서 그 단계로 옮길 수 없습니다.',
      valueRequired: '이 단계의 금액을 입력하세요.',
      valueInvalid: '0 이상의 금액을 입력하세요.',
      valueNotUsed: '이 단계에는 금액이 없습니다. 금액을 비워 두세요.',
      dateInvalid: '올바른 날짜를 입력하세요.',
      dateInFuture: '미래 날짜는 입력할 수 없습니다.',
      dateBeforePrevious: '거래가 현재 단계에 도달한 날보다 이전 날짜는 입력할 수 없습니다.',
      noRate: '그 날짜에 이 통화의 환율이 아직 없습니다. USD로 입력하거나 관리자에게 환율 추가를 요청하세요.',
      meetingContractHeld: '계약액은 진행된 미팅에만 기록할 수 있습니다.',
    },
    funnel: {
      title: '성과 단계',
      stage: '단계',
      reached: '도달',
      current: '현재 이 단계',
      value: '현재 이 단계의 금액 (USD)',
      pursued: '추진 중인 계약 (예상)',
      signed: '체결된 계약',
      shipped: '선적 완료',
      lost: '무산',
      deals_other: '거래 {{count}}건',
      fromMeetings: '상담 후 예상 계약액 {{value}} 포함',
      chartSummary: '{{stage}}: {{count}}건 도달',
    },
    definitions: {
      title: '집계 기준',
      deal: '거래는 상담 1건입니다. 이 박람회의 문의 또는 진행된 미팅을 말합니다. 진행된 미팅은 상담 단계이며, 계약액을 기록하면 계약 체결 단계가 됩니다.',
      reached: '도달: 그 단계 이상에 있는 거래이며, 그 단계까지 갔다가 무산된 거래도 포함합니다.',
      value:
        '금액: 상담 단계는 상담액, 견적·샘플 단계는 견적액, LOI 단계는 구매의향서 금액, 계약 체결 단계는 계약액, 선적 단계는 선적(송장) 금액이며, 모두 그 단계 날짜에 유효한 환율로 환산한 USD입니다.',
      pursued: '추진 중: 현재 견적, 샘플, LOI 단계에 있는 거래와 진행된 미팅의 예상 계약액입니다. 체결된 것이 아니라 예상치입니다.',
      signed: '체결: 현재 계약 체결 또는 선적 단계에 있는 거래와 그 계약액입니다.',
      shipped: '선적: 현재 선적 단계에 있는 거래와 선적액입니다. 무산된 거래는 금액에 더하지 않습니다.',
    },
    export: {
      pursuedValue: '추진 중 금액 (USD)',
      shippedValue: '선적액 (USD)',
    },
  },
}
export default outcomes
