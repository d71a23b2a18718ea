import type en from '../en/replay-page'
import type { MessagesOf } from '../types'

const replayPage: MessagesOf<typeof en, 'mn'> = {
  replayPage: {
    kicker: 'Дахин үзэх',
    host: 'Нэвтрүүлэгч',
    aired: 'Цацагдсан: {{date}}',
    length: 'Урт {{duration}}',
    unpublished: 'Нийтлээгүй: энэ дахин үзэх бичлэгийг зөвхөн нэвтрүүлэгч компани болон үзэсгэлэнгийн зохион байгуулагч харах боломжтой.',
    playerLabel: 'Дахин үзэх тоглуулагч',
    videoLabel: 'Дахин үзэх видео: {{title}}',
    state: {
      idle: 'Дахин үзэх бичлэгийг ачаалж байна…',
      loading: 'Дахин үзэх бичлэгийг ачаалж байна…',
      playing: 'Тоглуулж байна',
      paused: 'Түр зогссон',
      buffering: 'Ачаалж байна…',
      error: 'Тоглуулалт зогссон',
    },
    errors: {
      unsupported: 'Энэ хөтөч дахин үзэх бичлэгийг тоглуулах боломжгүй. Chrome, Edge, Firefox эсвэл Safari-гийн сүүлийн хувилбарыг ашиглана уу.',
      'not-found': 'Дахин үзэх бичлэг байхгүй болсон.',
      network: 'Дахин үзэх бичлэгийг ачаалж чадсангүй. Холболтоо шалгаад дахин оролдоно уу.',
      media: 'Дахин үзэх бичлэгийг тоглуулж чадсангүй. Дахин оролдоно уу.',
    },
    retry: 'Дахин оролдох',
    chapters: 'Бүлгүүд',
    chaptersLabel: 'Энэ танилцуулгад үзүүлсэн бараа',
    noChapters: 'Энэ танилцуулгын үеэр бараа бэхлээгүй.',
    chapterButton: 'Шилжих: {{name}} ({{time}})',
    nowShowing: 'Одоо үзүүлж буй',
    chat: 'Чатын дахин үзэлт',
    chatLabel: 'Дахин үзэх бичлэгийн энэ хэсэг хүртэлх чатын мессеж',
    chatEmpty: 'Нэвтрүүлгийн энэ хэсэгт хараахан мессеж алга.',
    chatTruncated: 'Чатын дахин үзэлт нэвтрүүлгийн эхний {{count}} мессежийг харуулна.',
  },
}

export default replayPage
