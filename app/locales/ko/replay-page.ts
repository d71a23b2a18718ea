import type en from '../en/replay-page'
import type { MessagesOf } from '../types'

const replayPage: MessagesOf<typeof en, 'ko'> = {
  replayPage: {
    kicker: '다시보기',
    host: '주최',
    aired: '{{date}} 방송',
    length: '길이 {{duration}}',
    unpublished: '공개되지 않음: 주최 기업과 박람회 주최자만 이 다시보기를 볼 수 있습니다.',
    playerLabel: '다시보기 플레이어',
    videoLabel: '다시보기 영상: {{title}}',
    state: {
      idle: '다시보기를 불러오는 중…',
      loading: '다시보기를 불러오는 중…',
      playing: '재생 중',
      paused: '일시 정지됨',
      buffering: '버퍼링 중…',
      error: '재생이 멈췄습니다',
    },
    errors: {
      unsupported: '이 브라우저에서는 다시보기를 재생할 수 없습니다. 최신 Chrome, Edge, Firefox 또는 Safari를 사용해 주세요.',
      'not-found': '이 다시보기는 더 이상 제공되지 않습니다.',
      network: '다시보기를 불러오지 못했습니다. 연결을 확인한 뒤 다시 시도해 주세요.',
      media: '다시보기를 재생하지 못했습니다. 다시 시도해 주세요.',
    },
    retry: '다시 시도',
    chapters: '챕터',
    chaptersLabel: '이 쇼케이스에서 소개된 제품',
    noChapters: '이 쇼케이스에서 고정된 제품이 없습니다.',
    chapterButton: '{{time}}의 {{name}}(으)로 이동',
    nowShowing: '지금 소개 중',
    chat: '채팅 다시보기',
    chatLabel: '다시보기의 현재 시점까지의 채팅 메시지',
    chatEmpty: '방송의 이 시점까지 메시지가 없습니다.',
    chatTruncated: '채팅 다시보기에는 방송의 처음 {{count}}개 메시지만 표시됩니다.',
  },
}

export default replayPage
