import type en from '../en/buyer-profile'
import type { MessagesOf } from '../types'

const buyerProfile: MessagesOf<typeof en, 'mn'> = {
  buyerProfile: {
    nav: 'Профайл',
    navLabel: 'Худалдан авагчийн хэсэг',
    title: 'Худалдан авагчийн профайл',
    company: 'Компани',
    website: 'Вэбсайт',
    yearlyVolume: 'Жилийн импортын хэмжээ',
    volumes: {
      UNDER_50K: 'US$50 мянгаас доош',
      FROM_50K_TO_250K: 'US$50–250 мянга',
      FROM_250K_TO_1M: 'US$250 мянга – 1 сая',
      FROM_1M_TO_5M: 'US$1–5 сая',
      OVER_5M: 'US$5 саяас дээш',
    },
    interests: 'Таны худалдан авдаг бараа',
    categories: 'Сонирхсон ангилал',
    hsChapters: 'Сонирхсон HS бүлэг',
    hsChaptersHint: 'Таны импортолдог барааны HS кодын эхний хоёр орон.',
    availability: 'Ажлын цаг ба хэл',
    hoursStart: 'Ажлын цаг эхлэх',
    hoursEnd: 'Ажлын цаг дуусах',
    hoursHint: 'Экспортлогчид уулзалт санал болгохдоо таны ажлын цагийг таны цагийн бүсээр харна.',
    languages: 'Таны ярьдаг хэл',
    saved: 'Худалдан авагчийн профайл хадгалагдлаа.',
  },
}
export default buyerProfile
