import type en from '../en/embed'
import type { MessagesOf } from '../types'

const embed: MessagesOf<typeof en, 'ko'> = {
  embed: {
    player: {
      label: '쇼케이스 플레이어',
      videoLabel: '쇼케이스 영상: {{title}}',
      by: '{{company}}',
      startsAt: '{{date}} 시작',
      notStarted: '쇼케이스가 아직 시작되지 않았습니다.',
      ended: '이 쇼케이스는 종료되었습니다.',
      replay: '다시보기',
      unmute: '소리 켜기',
      mute: '음소거',
      retry: '다시 시도',
      watchOnTradecast: 'Tradecast에서 보기',
      opensInNewTab: '(새 탭에서 열림)',
      products: '이 쇼케이스의 제품',
      noProducts: '지금 화면에 소개 중인 제품이 없습니다.',
      requestQuote: '견적 요청',
      priceFrom: '{{price}}부터',
    },
    unavailable: {
      title: '이 쇼케이스를 볼 수 없습니다',
      body: '비공개이거나 아직 승인되지 않았거나 더 이상 제공되지 않는 쇼케이스입니다.',
      visit: 'Tradecast에서 라이브 쇼케이스 둘러보기',
    },
    profile: {
      title: '우리 웹사이트의 플레이어',
      origins: '쇼케이스 플레이어를 삽입할 수 있는 사이트',
      originsHint:
        '한 줄에 사이트 하나씩 입력하세요. 예: https://shop.example.com, 모든 하위 도메인은 https://*.example.com. 최대 {{max}}개. 암호화되지 않은 http는 개발용 localhost와 127.0.0.1에만 쓸 수 있습니다. 다른 사이트에서는 플레이어가 표시되지 않습니다.',
    },
    errors: {
      origin:
        '각 사이트를 경로 없이 https://이름 형식(포트는 붙여도 됨)으로 입력하세요. *.는 이름 맨 앞에만 쓸 수 있고, http는 localhost나 127.0.0.1에만 쓸 수 있습니다.',
      tooManyOrigins: '사이트가 너무 많습니다. 최대 20개까지 입력하세요.',
    },
    snippet: {
      title: '이 쇼케이스 삽입하기',
      intro: '아래 코드 중 하나를 웹페이지에 붙여 넣으세요. 기업 프로필에 등록된 사이트에서만 플레이어가 표시됩니다.',
      iframe: '프레임(iframe)',
      script: '웹 컴포넌트',
      copy: '복사',
      copied: '복사됨',
      profileLink: '삽입 허용 사이트',
      unavailable: '임베드할 수 없음: 다른 사이트에는 공개 쇼케이스(박람회 소속이면 승인된 것)만 표시할 수 있습니다.',
    },
  },
}

export default embed
