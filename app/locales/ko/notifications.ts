import type en from '../en/notifications'
import type { MessagesOf } from '../types'

const notifications: MessagesOf<typeof en, 'ko'> = {
  notifications: {
    title: '알림',
    markAllRead: '모두 읽음으로 표시',
    empty: '알림이 없습니다.',
    unread_other: '읽지 않은 알림 {{count}}개',
    'inquiry.created': { title: '{{buyer}}의 새 문의', body: '{{buyer}}({{country}})이(가) {{product}}에 대해 문의했습니다: {{quantity}}.' },
    'inquiry.message': { title: '{{author}}의 새 메시지', body: '{{author}}이(가) {{product}} 문의에 메시지를 보냈습니다.' },
    'inquiry.status': { title: '{{product}} 문의: $t(status.{{status}})', body: '{{product}} 문의가 “$t(status.{{status}})” 단계로 변경되었습니다.' },
    'inquiry.quote': { title: '{{product}} 견적 도착', body: '{{company}}이(가) {{product}}에 단가 {{price}}의 견적을 보냈습니다 ({{validUntil}}까지 유효).' },
    'invitation.created': { title: 'Tradecast에서 {{company}}에 합류하세요', body: '{{inviter}}님이 Tradecast의 {{company}}에 초대했습니다.' },
    'meeting.requested': { title: '{{from}}의 상담 요청', body: '{{from}}이(가) {{when}} 상담을 제안했습니다.' },
    'meeting.updated': { title: '{{with}}와의 상담: $t(status.{{status}})', body: '{{with}}와의 상담이 “$t(status.{{status}})” 상태입니다.' },
    'meeting.confirm': {
      title: '참석 확인: {{with}}와의 미팅',
      body: '{{with}}와의 미팅이 {{when}}에 있습니다. 참석 여부를 확인하거나 참석할 수 없다고 알려 주세요.',
    },
    'meeting.expired': {
      title: '미팅 요청 만료: {{with}}',
      body: '{{when}} {{with}}와의 미팅 요청에 제때 응답이 없어 만료되었습니다. 다른 시간을 요청할 수 있습니다.',
    },
    'meeting.cantMakeIt': {
      title: '{{with}} 참석 불가',
      body: '{{with}}이(가) {{when}} 미팅에 참석할 수 없어 미팅이 취소되었습니다. 한 번의 클릭으로 일정을 다시 잡을 수 있습니다.',
    },
    'meeting.seatHandedBack': {
      title: '{{with}}와의 미팅을 이제 직접 맡습니다',
      body: '{{agency}}이(가) 더 이상 귀사의 미팅을 맡지 않아, {{when}} {{with}}와의 미팅 자리가 회원님께 넘어왔습니다. 미팅룸은 회원님이 진행하며 캘린더 파일도 받을 수 있습니다. 바이어와 시간은 그대로입니다.',
    },
    'meeting.seatPassedOn': {
      title: '{{with}}와의 미팅을 이제 직접 맡습니다',
      body: '{{member}} 님이 더 이상 {{agency}} 소속이 아니어서, {{when}} {{with}}와의 미팅 자리가 회원님께 넘어왔습니다. 미팅룸은 회원님이 진행하며 캘린더 파일도 받을 수 있습니다. 바이어와 시간은 그대로입니다.',
    },
    'meeting.hostChanged': {
      title: '{{company}}: 이제 {{host}} 님이 미팅을 진행합니다',
      body: '{{when}} {{company}}와의 미팅은 이제 {{host}} 님이 진행합니다. 시간과 미팅룸은 그대로이며, 캘린더 파일을 다시 받으면 새 진행자가 표시됩니다.',
    },
    'session.starting': { title: '{{title}} 곧 시작', body: '{{company}}의 {{title}}이(가) {{when}}에 시작합니다.' },
    'showcase.reminder24h': { title: '24시간 후: {{title}}', body: '{{company}}의 {{title}}이(가) {{when}}에 시작합니다.' },
    'showcase.reminder10m': { title: '{{title}} 10분 후 시작', body: '{{company}}의 {{title}}이(가) {{when}}에 시작합니다.' },
    'showcase.live': { title: '{{title}} 지금 라이브 중', body: '{{company}}이(가) 지금 라이브 중입니다: {{title}} (예정 {{when}}).' },
    'order.updated': { title: '주문 {{order}}: $t(status.{{status}})', body: '주문 {{order}}의 상태가 “$t(status.{{status}})”입니다.' },
    'consultation.requested': { title: '{{from}}의 상담 예약', body: '{{from}}에서 {{when}}에 {{market}} 시장 상담을 예약했습니다. 확정해 주세요.' },
    'consultation.updated': {
      title: '{{with}} 상담: $t(consultations.status.{{status}})',
      body: '{{when}} {{with}} 상담이 “$t(consultations.status.{{status}})” 상태가 되었습니다.',
    },
    'consultation.reminder': { title: '{{with}} 상담이 곧 시작됩니다', body: '{{with}} 상담이 {{when}}에 시작됩니다. 화상 상담실은 10분 전에 열립니다.' },
    'registration.decided': { title: '{{fair}}: 참가 신청 $t(status.{{status}})', body: '{{fair}} 참가 신청이 $t(status.{{status}})되었습니다.' },
    'studio.requested': { title: '스튜디오 예약 요청: {{showcase}}', body: '{{showcase}}의 스튜디오 시간({{startsAt}}) 예약이 요청되었습니다.' },
    'studio.approved': {
      title: '스튜디오 예약 확정: {{showcase}}',
      body: '{{studio}}에서 {{showcase}}의 스튜디오 시간({{startsAt}})을 승인했습니다. 통역: {{interpreter}}.',
    },
    'studio.declined': {
      title: '스튜디오 예약 거절: {{showcase}}',
      body: '{{studio}}에서 {{showcase}}의 스튜디오 시간({{startsAt}}) 요청을 거절했습니다: {{reason}}',
    },
    'studio.cancelled': {
      title: '스튜디오 예약 취소: {{showcase}}',
      body: '{{studio}}에서 {{showcase}}의 스튜디오 시간({{startsAt}})을 취소했습니다: {{reason}}',
    },
  },
}
export default notifications
