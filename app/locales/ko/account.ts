import type en from '../en/account'
import type { MessagesOf } from '../types'

const ko: MessagesOf<typeof en, 'ko'> = {
  account: {
    forgotPassword: '비밀번호를 잊으셨나요?',
    timeZones: {
      ofCountry: '{{country}}의 시간대',
      all: '전체 시간대',
      hint: '미팅과 일정 등 Tradecast의 모든 시간이 이 시간대로 표시됩니다.',
    },
    guestQuote: {
      intro: '{{product}}의 견적을 요청하려면 로그인하거나 바이어 계정을 만드세요. 완료하면 견적 요청 양식이 열린 상태로 이 방송으로 돌아옵니다.',
      signUp: '바이어 계정 만들기',
      signIn: '로그인',
    },
    honeypot: '이 칸은 비워 두세요',
    errors: {
      passwordMismatch: '두 비밀번호가 일치하지 않습니다.',
      currentPasswordWrong: '현재 비밀번호가 올바르지 않습니다.',
      samePassword: '현재 비밀번호와 다른 비밀번호를 정해 주세요.',
      signupRefused: '계정을 만들 수 없습니다. 입력 내용을 확인하고 다시 시도해 주세요.',
      tooManySignups: '이 네트워크에서 너무 많은 계정이 만들어졌습니다. {{minutes}}분 후에 다시 시도해 주세요.',
      tooManyResetRequests: '재설정 요청이 너무 많습니다. {{minutes}}분 후에 다시 시도해 주세요.',
    },
    password: {
      title: '비밀번호',
      intro: '비밀번호를 바꾸면 다른 모든 기기에서 로그아웃됩니다.',
      current: '현재 비밀번호',
      new: '새 비밀번호',
      confirm: '새 비밀번호 확인',
      submit: '비밀번호 변경',
      pending: '변경 중…',
      changed: '비밀번호가 변경되었습니다. 다른 모든 기기에서 로그아웃되었습니다.',
    },
    sessions: {
      title: '로그인된 기기',
      intro: '{{hours}}시간 동안 사용하지 않으면 세션이 끝나며, 어떤 경우에도 30일 후에는 끝납니다.',
      device: '{{os}}의 {{browser}}',
      unknownDevice: '알 수 없는 기기',
      thisDevice: '이 기기',
      ip: 'IP 주소',
      created: '로그인',
      lastActive: '마지막 활동',
      revoke: '로그아웃',
      revokeLabel: '{{device}} 로그아웃 (마지막 활동 {{when}})',
      revokeOthers: '다른 모든 곳에서 로그아웃',
      revoked: '해당 기기가 로그아웃되었습니다.',
      othersRevoked: '다른 모든 곳에서 로그아웃되었습니다.',
      noOthers: '다른 곳에는 로그인되어 있지 않습니다.',
    },
    reset: {
      requestTitle: '비밀번호 재설정',
      requestIntro: '계정의 이메일을 입력하세요. 새 비밀번호를 정할 수 있는 링크를 보내 드립니다.',
      requestSubmit: '재설정 링크 보내기',
      requestPending: '보내는 중…',
      requestSent: '이 이메일을 쓰는 계정이 있다면 비밀번호 재설정 링크를 보냈습니다. 링크는 30분 동안 유효합니다.',
      title: '새 비밀번호 설정',
      intro: '{{email}} 계정입니다. 이 계정에 로그인된 모든 기기가 로그아웃됩니다.',
      submit: '새 비밀번호 저장',
      pending: '저장 중…',
      done: '새 비밀번호가 저장되었습니다. 새 비밀번호로 로그인하세요.',
      invalidLink: '이 재설정 링크는 올바르지 않거나 이미 사용되었거나 만료되었습니다.',
      requestNew: '새 링크 요청하기',
      backToLogin: '로그인으로 돌아가기',
      mailSubject: 'Tradecast 비밀번호 재설정',
      mailBody: 'Tradecast 계정의 비밀번호 재설정이 요청되었습니다. {{minutes}}분 안에 아래 링크를 열어 새 비밀번호를 정하세요:',
      mailIgnore: '요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 그대로 유지됩니다.',
    },
  },
}

export default ko
