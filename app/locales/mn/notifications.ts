import type en from '../en/notifications'
import type { MessagesOf } from '../types'

const notifications: MessagesOf<typeof en, 'mn'> = {
  notifications: {
    title: 'Мэдэгдэл',
    markAllRead: 'Бүгдийг уншсан болгох',
    empty: 'Одоогоор мэдэгдэл алга.',
    unread_one: '{{count}} уншаагүй мэдэгдэл',
    unread_other: '{{count}} уншаагүй мэдэгдэл',
    'inquiry.created': {
      title: 'Шинэ лавлагаа: худалдан авагч {{buyer}}',
      body: 'Худалдан авагч {{buyer}} ({{country}}) «{{product}}» барааны талаар лавласан: {{quantity}}.',
    },
    'inquiry.message': { title: 'Шинэ мессеж: {{author}}', body: '{{author}} «{{product}}» барааны лавлагааны талаар бичлээ.' },
    'inquiry.status': {
      title: '«{{product}}» лавлагаа: $t(status.{{status}})',
      body: '«{{product}}» барааны лавлагаа «$t(status.{{status}})» төлөвт шилжлээ.',
    },
    'inquiry.quote': {
      title: '«{{product}}» барааны үнийн санал ирлээ',
      body: '{{company}} «{{product}}» бараанд нэгжийн үнэ {{price}} гэсэн үнийн санал ирүүллээ ({{validUntil}} хүртэл хүчинтэй).',
    },
    'invitation.created': {
      title: 'Tradecast дээр {{company}} компанид нэгдээрэй',
      body: '{{inviter}} таныг Tradecast дээр {{company}} компанид нэгдэхийг урьлаа.',
    },
    'meeting.requested': { title: 'Уулзалтын хүсэлт: {{from}}', body: '{{from}} уулзалт санал болгож байна: {{when}}.' },
    'meeting.updated': {
      title: 'Уулзалт ({{with}}): $t(status.{{status}})',
      body: 'Таны уулзалт ({{with}}) одоо «$t(status.{{status}})» төлөвтэй байна.',
    },
    'meeting.confirm': {
      title: 'Уулзалтаа баталгаажуулна уу: {{with}}',
      body: 'Таны {{with}}-тай хийх уулзалт {{when}}-д болно. Оролцохоо баталгаажуулах эсвэл ирж чадахгүй гэдгээ мэдэгдэнэ үү.',
    },
    'meeting.expired': {
      title: 'Уулзалтын хүсэлтийн хугацаа дууссан: {{with}}',
      body: '{{with}}-тай {{when}}-д хийх уулзалтын хүсэлтэд хугацаандаа хариу өгөөгүй тул хугацаа нь дууслаа. Өөр цаг хүсч болно.',
    },
    'meeting.cantMakeIt': {
      title: '{{with}} ирж чадахгүй',
      body: '{{with}} {{when}}-д болох уулзалтад ирж чадахгүй тул уулзалт цуцлагдлаа. Нэг товшилтоор дахин товлож болно.',
    },
    'meeting.seatHandedBack': {
      title: 'Уулзалт ({{with}}) одоо таны хариуцлагад',
      body: '{{agency}} танай компанийн уулзалтыг хариуцахаа больсон тул {{when}}-д болох уулзалтын ({{with}}) суудал танд шилжлээ: уулзалтын өрөөг та хөтөлж, календарийн файлыг татаж авна. Худалдан авагч болон цаг хэвээр байна.',
    },
    'meeting.seatPassedOn': {
      title: 'Уулзалт ({{with}}) одоо таны хариуцлагад',
      body: '{{member}} {{agency}}-д ажиллахаа больсон тул {{when}}-д болох уулзалтын ({{with}}) суудал танд шилжлээ: уулзалтын өрөөг та хөтөлж, календарийн файлыг татаж авна. Худалдан авагч болон цаг хэвээр байна.',
    },
    'meeting.hostChanged': {
      title: '{{company}}: уулзалтыг одоо {{host}} хөтөлнө',
      body: '{{when}}-д болох {{company}}-тай хийх уулзалтыг одоо {{host}} хөтөлнө. Цаг болон уулзалтын өрөө хэвээр байна; календарийн файлыг дахин татвал шинэ хөтлөгч харагдана.',
    },
    'session.starting': { title: '«{{title}}» удахгүй эхэлнэ', body: '{{company}} компанийн «{{title}}» эхлэх цаг: {{when}}.' },
    'showcase.reminder24h': { title: '24 цагийн дараа: {{title}}', body: '{{company}}-ийн {{title}} {{when}}-д эхэлнэ.' },
    'showcase.reminder10m': { title: '{{title}} 10 минутын дараа эхэлнэ', body: '{{company}}-ийн {{title}} {{when}}-д эхэлнэ.' },
    'showcase.live': { title: '{{title}} одоо шууд явагдаж байна', body: '{{company}} одоо шууд дамжуулж байна: {{title}} (төлөвлөсөн {{when}}).' },
    'order.updated': {
      title: 'Захиалга {{order}}: $t(status.{{status}})',
      body: 'Таны {{order}} дугаартай захиалга одоо «$t(status.{{status}})» төлөвтэй байна.',
    },
    'consultation.requested': {
      title: '{{from}} зөвлөгөө захиаллаа',
      body: '{{from}} {{when}}-д {{market}} зах зээлийн талаар зөвлөгөө захиаллаа. Баталгаажуулна уу.',
    },
    'consultation.updated': {
      title: '{{with}}-тай зөвлөгөө: $t(consultations.status.{{status}})',
      body: '{{when}}-д болох {{with}}-тай зөвлөгөө одоо «$t(consultations.status.{{status}})» төлөвтэй байна.',
    },
    'consultation.reminder': {
      title: '{{with}}-тай зөвлөгөө удахгүй эхэлнэ',
      body: '{{with}}-тай зөвлөгөө {{when}}-д эхэлнэ. Видео өрөө 10 минутын өмнө нээгдэнэ.',
    },
    'registration.decided': {
      title: '{{fair}} үзэсгэлэнгийн бүртгэл: $t(status.{{status}})',
      body: '{{fair}} үзэсгэлэнд хийсэн таны бүртгэл одоо «$t(status.{{status}})» төлөвтэй байна.',
    },
    'studio.requested': { title: 'Студийн захиалгын хүсэлт: {{showcase}}', body: '{{showcase}}-д зориулж {{startsAt}}-ний студийн цаг хүссэн байна.' },
    'studio.approved': {
      title: 'Студи захиалагдлаа: {{showcase}}',
      body: '{{studio}} {{showcase}}-ийн {{startsAt}}-ний студийн цагийг баталлаа. Орчуулагч: {{interpreter}}.',
    },
    'studio.declined': {
      title: 'Студийн хүсэлтээс татгалзлаа: {{showcase}}',
      body: '{{studio}} {{showcase}}-ийн {{startsAt}}-ний студийн цагийн хүсэлтээс татгалзлаа: {{reason}}',
    },
    'studio.cancelled': {
      title: 'Студийн захиалга цуцлагдлаа: {{showcase}}',
      body: '{{studio}} {{showcase}}-ийн {{startsAt}}-ний студийн цагийг цуцаллаа: {{reason}}',
    },
  },
}
export default notifications
