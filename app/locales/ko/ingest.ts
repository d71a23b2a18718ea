import type en from '../en/ingest'
import type { MessagesOf } from '../types'

const ingest: MessagesOf<typeof en, 'ko'> = {
  ingest: {
    source: { legend: '영상 소스', camera: '브라우저 카메라', encoder: '인코더 (OBS, 하드웨어)' },
    title: '인코더 피드',
    preview: '인코더 피드 미리보기',
    noFeed: '아직 피드가 없습니다. 인코더를 아래 주소로 설정하고 송출을 시작하세요.',
    health: '피드 상태',
    bitrate: '비트레이트',
    kbps: '{{value}} kbit/s',
    resolution: '해상도',
    fps: '초당 프레임',
    loss: '패킷 손실',
    state: {
      none: '연결된 인코더 없음',
      waiting: '인코더 연결됨, 미디어 대기 중',
      receiving: '수신 중',
      stalled: '정체됨: 몇 초 동안 미디어가 없습니다',
      stopped: '중지됨',
    },
    whipUrl: 'WHIP URL (OBS 30 이상: 서비스 “WHIP”)',
    rtmpUrl: 'RTMP 서버',
    rtmpOff: '이 서버에서는 RTMP 인제스트가 켜져 있지 않습니다.',
    streamKey: '스트림 키 / 베어러 토큰',
    noKey: '아직 스트림 키가 없습니다. 인코더를 연결하려면 키를 만드세요.',
    encoderSettings:
      '인코더 설정: 영상 H.264(프로파일 baseline 또는 main, B-프레임 없음) 또는 VP8, 음성 AAC 또는 Opus, 키프레임 간격 1–2초(OBS: 출력 → 키프레임 간격 2). 간격이 길면 새 시청자가 화면을 보기까지 기다려야 합니다.',
    keyNote: '키는 비밀로 유지하세요. 키를 교체하면 이전 키를 쓰는 인코더의 연결이 끊깁니다.',
    copy: '복사',
    copied: '복사됨',
    copyLabel: '{{field}} 복사',
    rotate: '키 교체',
    create: '스트림 키 만들기',
    rotating: '처리 중…',
    rotateConfirm: '새 키를 만들까요? 현재 키를 쓰는 인코더의 연결이 지금 끊깁니다.',
    loading: '인코더 설정을 불러오는 중…',
    goLiveNote: '방송을 시작하면 시청자에게 인코더 피드가 보입니다. 먼저 인코더에서 송출을 시작하세요.',
    errors: { invalid: '요청을 이해할 수 없습니다.', notShowcase: '인코더 피드는 쇼케이스에서만 받을 수 있습니다.' },
  },
}

export default ingest
