import type en from '../en/embed'
import type { MessagesOf } from '../types'

const embed: MessagesOf<typeof en, 'mn'> = {
  embed: {
    player: {
      label: 'Танилцуулгын тоглуулагч',
      videoLabel: 'Танилцуулгын видео: {{title}}',
      by: '{{company}}',
      startsAt: 'Эхлэх: {{date}}',
      notStarted: 'Танилцуулга хараахан эхлээгүй байна.',
      ended: 'Энэ танилцуулга дууссан.',
      replay: 'Дахин үзэх',
      unmute: 'Дуу нээх',
      mute: 'Дуу хаах',
      retry: 'Дахин оролдох',
      watchOnTradecast: 'Tradecast дээр үзэх',
      opensInNewTab: '(шинэ цонхонд нээгдэнэ)',
      products: 'Энэ танилцуулгын бүтээгдэхүүн',
      noProducts: 'Одоогоор дэлгэцэнд бүтээгдэхүүн алга.',
      requestQuote: 'Үнийн санал авах',
      priceFrom: '{{price}}-аас',
    },
    unavailable: {
      title: 'Энэ танилцуулгыг үзэх боломжгүй',
      body: 'Хаалттай, хараахан батлагдаагүй эсвэл нийтлэгдэхээ больсон байж магадгүй.',
      visit: 'Tradecast дээрх шууд танилцуулгууд',
    },
    profile: {
      title: 'Таны вэбсайт дээрх тоглуулагч',
      origins: 'Танилцуулгын тоглуулагчийг байрлуулахыг зөвшөөрсөн сайтууд',
      originsHint:
        'Мөр бүрт нэг сайт, жишээ нь https://shop.example.com, бүх дэд домэйнд https://*.example.com; хамгийн ихдээ {{max}}. Шифрлээгүй http зөвхөн хөгжүүлэлтийн localhost болон 127.0.0.1-д. Бусад сайт тоглуулагчийг харуулж чадахгүй.',
    },
    errors: {
      origin: 'Сайт бүрийг замгүйгээр https://нэр хэлбэрээр оруулна уу (порт нэмж болно); *. зөвхөн нэрийн эхэнд; http зөвхөн localhost эсвэл 127.0.0.1-д.',
      tooManyOrigins: 'Хэт олон сайт: хамгийн ихдээ 20.',
    },
    snippet: {
      title: 'Энэ танилцуулгыг байрлуулах',
      intro: 'Эдгээрийн аль нэгийг вэб хуудсандаа буулгана уу. Компанийн профайлд бүртгэсэн сайтууд дээр л тоглуулагч харагдана.',
      iframe: 'Фрейм (iframe)',
      script: 'Вэб компонент',
      copy: 'Хуулах',
      copied: 'Хуулсан',
      profileLink: 'Байрлуулахыг зөвшөөрсөн сайтууд',
    },
  },
}

export default embed
