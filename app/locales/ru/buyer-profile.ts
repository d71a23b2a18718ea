import type en from '../en/buyer-profile'
import type { MessagesOf } from '../types'

const buyerProfile: MessagesOf<typeof en, 'ru'> = {
  buyerProfile: {
    nav: 'Профиль',
    navLabel: 'Раздел покупателя',
    title: 'Профиль покупателя',
    company: 'Компания',
    website: 'Сайт',
    yearlyVolume: 'Годовой объём импорта',
    volumes: {
      UNDER_50K: 'До 50 тыс. USD',
      FROM_50K_TO_250K: '50–250 тыс. USD',
      FROM_250K_TO_1M: '250 тыс. – 1 млн USD',
      FROM_1M_TO_5M: '1–5 млн USD',
      OVER_5M: 'Более 5 млн USD',
    },
    interests: 'Что вы закупаете',
    categories: 'Интересующие категории',
    hsChapters: 'Интересующие группы ТН ВЭД (HS)',
    hsChaptersHint: 'Первые две цифры кодов ТН ВЭД (HS) товаров, которые вы импортируете.',
    availability: 'Доступность и языки',
    hoursStart: 'Рабочие часы с',
    hoursEnd: 'Рабочие часы до',
    hoursHint: 'Экспортёры видят ваши рабочие часы в вашем часовом поясе, когда предлагают встречи.',
    languages: 'Языки, которыми вы владеете',
    saved: 'Профиль покупателя сохранён.',
  },
}
export default buyerProfile
