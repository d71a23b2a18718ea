import type en from '../en/readiness-buyer'
import type { MessagesOf } from '../types'

const readinessBuyer: MessagesOf<typeof en, 'ko'> = {
  readinessBuyer: {
    filterLegend: '시장별 수출 준비',
    market: '시장',
    otherMarket: '다른 시장',
    anyMarket: '모든 시장',
    readyFor: '{{market}} 수출 준비 완료',
    readyForYourMarket: '내 시장({{market}}) 수출 준비 완료',
    filterApplied: '{{market}}에 등록된 요건을 모두 갖춘 상품만 표시합니다.',
    directoryHint: '{{country}}에 등록된 요건을 모두 갖춘(오늘 기준 유효) 상품을 소개하는 쇼케이스만 보여 줍니다.',
    notCovered: '{{market}}에 대한 요건이 아직 등록되지 않아 수출 준비 필터를 적용하지 않았습니다.',
    product: {
      title: '{{market}} 수출 준비 상태',
      chooseMarket: '시장',
      show: '보기',
      held: '보유',
      missing: '미비',
      expiring: '선적 전 만료',
      checks: '함께 확인할 사항',
      none: '이 상품에는 해당 시장의 서류 요건이 등록되어 있지 않습니다.',
      notCovered: '{{market}}에 대한 요건이 아직 등록되지 않았습니다.',
    },
    gap: {
      title: '바이어 시장 수출 준비 상태: {{market}}',
      intro: '견적 전에 확인하세요: 예상 선적일 {{date}} 기준으로 이 상품이 {{market}}에 대해 갖춘 것과 부족한 것입니다.',
      missing: '미비',
      expiring: '선적일 전 만료',
      allHeld: '등록된 요건을 모두 갖추었습니다.',
      fix: '상품의 수출 준비 항목에서 서류 추가하기',
      noProduct: '이 문의에는 상품이 지정되지 않아 수출 준비 상태를 표시할 수 없습니다.',
    },
  },
}

export default readinessBuyer
