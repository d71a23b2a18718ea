// Hub staff accounts (/admin/staff, docs/hub-staff.md).
import type en from '../en/staff'
import type { MessagesOf } from '../types'

const staff: MessagesOf<typeof en, 'ko'> = {
  staff: {
    title: '허브 운영진 계정',
    intro:
      '허브를 운영하는 사람들의 계정을 여기서 만듭니다: 주최자, 스튜디오 운영자, 무역관 자문관, 수출 대행기관 담당자. 각자 비밀번호 설정 링크가 담긴 메일을 받습니다. 수출기업과 바이어는 직접 가입합니다.',
    nav: '운영진',
    create: '새 운영진 계정',
    name: '이름',
    email: '이메일',
    role: '역할',
    locale: '초대 메일 언어',
    createButton: '만들고 초대 메일 보내기',
    creating: '만드는 중…',
    listTitle: '운영진 계정',
    none: '아직 운영진 계정이 없습니다.',
    state: '상태',
    created: '생성일',
    actions: '작업',
    resend: '{{name}}님에게 초대 메일 다시 보내기',
    states: {
      active: '활성',
      invited: '초대 메일 발송됨',
      'invitation-expired': '초대 만료',
    },
    toast: {
      created: '계정을 만들었고 초대 메일을 보내고 있습니다.',
      resent: '새 초대 메일을 보내고 있습니다. 이전 링크는 더 이상 작동하지 않습니다.',
    },
    errors: {
      emailTaken: '이 이메일로 된 계정이 이미 있습니다.',
      notInvitable: '이 계정은 이미 비밀번호가 있거나 운영진 계정이 아닙니다.',
    },
    mail: {
      subject: 'Tradecast 계정 안내',
      body: '{{admin}}님이 {{role}} 역할로 Tradecast 계정을 만들었습니다. {{days}}일 안에 아래 링크에서 비밀번호를 설정하세요:',
      ignore: '예상하지 못한 메일이라면 무시하세요. 직접 정한 비밀번호 없이는 아무도 로그인할 수 없습니다.',
    },
  },
}

export default staff
