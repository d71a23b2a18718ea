import type en from '../en/readiness'
import type { MessagesOf } from '../types'

const readiness: MessagesOf<typeof en, 'ko'> = {
  readiness: {
    disclaimer: '공개 자료에 근거한 안내이며 법률 자문이 아닙니다. 규정은 바뀔 수 있으니 출처를 확인하고, 선적 전에 수입업체·관세사·KOTRA와 꼭 확인하세요.',
    status: {
      ready: '수출 준비 완료',
      expiring: '선적 전 갱신 필요',
      missing: '요건 미충족',
      'not-covered': '등록된 규정 없음',
    },
    item: {
      held: '보유',
      expiring: '선적일 전에 만료',
      missing: '미보유',
      check: '확인 필요',
    },
    kind: {
      registration: '등록',
      certificate: '인증',
      notification: '신고',
      testing: '시험',
      labelling: '표시사항',
    },
    scope: { company: '회사 단위', product: '제품별' },
    issuer: {
      regulator: '정부 규제기관',
      'certification-body': '인증기관',
      'testing-lab': '공인 시험기관',
      'halal-authority': '할랄 인증기관',
      'local-agent': '현지 대리인 또는 수입업체',
      'chamber-of-commerce': '상공회의소',
      'plant-quarantine': '식물검역기관',
      'notified-body': '인증기관(Notified Body)',
    },
    leadTime: '{{min}}–{{max}}일',
    voucher: '수출바우처로 지원받을 수 있음',
    source: '출처',
    checkedOn: '{{date}} 확인',
    notChecked: '출처 미확인',
    heldDocument: '{{type}} {{number}}, {{until}}까지 유효',
    heldDocumentOpenEnded: '{{type}} {{number}}, 만료 없음',
    lapsedDocument: '{{type}} {{number}}는 현재 유효하지 않음',
    shipDate: '예상 선적일',
    marketLabel: '시장',
    blocs: { EU: '유럽연합', GCC: '걸프협력회의(GCC)', EAEU: '유라시아경제연합' },
    errors: {
      market: '국가 또는 경제권을 선택하세요',
      hsPrefix: 'HS 접두어는 2~10자리 숫자입니다',
      code: '대문자, 숫자, 하이픈을 사용하세요(예: US-FDA-FFR)',
      documentType: '서류 종류는 대문자, 숫자, - 또는 _만 사용합니다',
      leadTime: '최소 소요 기간이 최대보다 길 수 없습니다',
      exceptOutside: '예외는 적용 접두어 안에 있는 더 긴 접두어여야 합니다',
    },
  },
}

export default readiness
