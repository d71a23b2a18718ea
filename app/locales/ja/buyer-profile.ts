import type en from '../en/buyer-profile'
import type { MessagesOf } from '../types'

const buyerProfile: MessagesOf<typeof en, 'ja'> = {
  buyerProfile: {
    nav: 'プロフィール',
    navLabel: 'バイヤーメニュー',
    title: 'バイヤープロフィール',
    company: '会社',
    website: 'ウェブサイト',
    yearlyVolume: '年間輸入額',
    volumes: {
      UNDER_50K: '5万米ドル未満',
      FROM_50K_TO_250K: '5万〜25万米ドル',
      FROM_250K_TO_1M: '25万〜100万米ドル',
      FROM_1M_TO_5M: '100万〜500万米ドル',
      OVER_5M: '500万米ドル超',
    },
    interests: '調達したい商品',
    categories: '関心のあるカテゴリー',
    hsChapters: '関心のあるHS類（上2桁）',
    hsChaptersHint: '輸入している品目のHSコードの上2桁です。',
    availability: '対応時間と言語',
    hoursStart: '営業時間（開始）',
    hoursEnd: '営業時間（終了）',
    hoursHint: '輸出企業が商談を提案する際、あなたのタイムゾーンでの営業時間が表示されます。',
    languages: '対応言語',
    saved: 'バイヤープロフィールを保存しました。',
  },
}
export default buyerProfile
