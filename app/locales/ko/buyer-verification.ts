import type en from '../en/buyer-verification'
import type { MessagesOf } from '../types'

const buyerVerification: MessagesOf<typeof en, 'ko'> = {
  buyerVerification: {
    badge: {
      label: '인증된 바이어',
      description: '{{name}} 님이 {{date}}에 확인 ({{method}})',
      descriptionWithoutName: '{{date}}에 확인 ({{method}})',
    },
    method: {
      DOCUMENTS: '회사 서류 확인',
      TRADE_REFERENCE: '거래 추천인 확인',
      OTHER: '기타 확인',
    },
    column: '바이어 확인',
    notVerified: '미확인',
    verifiedElsewhere: '플랫폼 관리자 또는 다른 박람회를 통해 인증되었습니다. 변경하거나 취소할 수 있는 것은 그쪽뿐입니다.',
    verifyName: '{{name}} 확인하기',
    reverifyName: '{{name}} 다시 확인하기',
    revokeName: '{{name}} 확인 취소',
    methodLabel: '회사를 어떻게 확인했나요?',
    noteLabel: '확인한 서류 또는 추천인',
    noteHint: '예: 사업자등록증과 수입 허가증 확인, 또는 회사를 보증한 추천인.',
    verify: '바이어 확인',
    revoke: '취소',
    revokeReason: '확인을 취소하는 이유',
    history: '확인 이력',
    historyVerified: '{{name}} 님이 확인 ({{method}})',
    historyRevoked: '{{name}} 님이 취소',
    errors: {
      note: '확인한 서류나 추천인(또는 이유)을 3자 이상 입력하세요.',
      method: '회사를 확인한 방법을 선택하세요.',
      notVerified: '확인되지 않은 바이어입니다. 취소할 확인이 없습니다.',
      conflict: '다른 사람이 동시에 이 확인을 변경했습니다. 새로고침 후 다시 시도하세요.',
      notYourVerification: '이 인증은 플랫폼 관리자 또는 다른 박람회를 통해 이루어졌습니다. 변경하거나 취소할 수 있는 것은 그쪽뿐입니다.',
    },
    toast: {
      verified: '바이어를 확인했습니다.',
      revoked: '확인을 취소했습니다.',
    },
    admin: {
      nav: '바이어',
      title: '바이어 회사',
      intro:
        '서류를 확인했거나 거래 추천인을 확인한 뒤 바이어 회사를 확인하세요. 수출기업은 견적 요청, 라이브 채팅, 미팅 요청에서 배지를 보며 무료 샘플을 확인된 바이어에게만 제공할 수 있습니다.',
      filter: '확인 여부로 필터',
      filters: {
        all: '전체',
        verified: '확인됨',
        unverified: '미확인',
      },
      search: '회사 또는 이메일',
      searchButton: '검색',
      count_other: '바이어 회사 {{count}}곳',
      company: '회사',
      verification: '확인',
    },
    inbox: {
      label: '인증된 바이어',
      verifiedOnly: '인증된 바이어만',
      verifiedFirst: '인증된 바이어 먼저',
    },
    samples: {
      setting: '무료 샘플은 인증된 바이어에게만',
      settingHint: '샘플이 무료일 때 주최자나 관리자가 확인한 바이어만 주문할 수 있습니다. 유료 샘플은 모든 바이어가 주문할 수 있습니다.',
      refused: '이 수출기업은 이 제품의 무료 샘플을 인증된 바이어에게만 보냅니다. 등록한 박람회의 주최자에게 회사 확인을 요청하거나 견적 요청을 보내세요.',
      productNote: '무료 샘플은 인증된 바이어에게만 제공됩니다.',
      youAreNotVerified: '귀사는 아직 확인되지 않았습니다.',
      youAreVerified: '귀사는 확인되었습니다.',
    },
  },
}

export default buyerVerification
