import type en from '../en/buyer-profile'
import type { MessagesOf } from '../types'

const buyerProfile: MessagesOf<typeof en, 'ko'> = {
  buyerProfile: {
    nav: '프로필',
    navLabel: '바이어 메뉴',
    title: '바이어 프로필',
    company: '회사',
    website: '웹사이트',
    yearlyVolume: '연간 수입 규모',
    volumes: {
      UNDER_50K: '5만 달러 미만',
      FROM_50K_TO_250K: '5만~25만 달러',
      FROM_250K_TO_1M: '25만~100만 달러',
      FROM_1M_TO_5M: '100만~500만 달러',
      OVER_5M: '500만 달러 초과',
    },
    interests: '관심 품목',
    categories: '관심 카테고리',
    hsChapters: '관심 HS 류(2단위)',
    hsChaptersHint: '수입하는 HS 코드의 앞 두 자리입니다.',
    availability: '업무 시간과 언어',
    hoursStart: '업무 시작',
    hoursEnd: '업무 종료',
    hoursHint: '수출기업이 미팅을 제안할 때 바이어의 시간대 기준 업무 시간을 봅니다.',
    languages: '사용 언어',
    saved: '바이어 프로필을 저장했습니다.',
  },
}
export default buyerProfile
