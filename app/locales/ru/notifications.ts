import type en from '../en/notifications'
import type { MessagesOf } from '../types'

const notifications: MessagesOf<typeof en, 'ru'> = {
  notifications: {
    title: 'Уведомления',
    markAllRead: 'Отметить все как прочитанные',
    empty: 'Уведомлений пока нет.',
    unread_one: '{{count}} непрочитанное уведомление',
    unread_few: '{{count}} непрочитанных уведомления',
    unread_many: '{{count}} непрочитанных уведомлений',
    unread_other: '{{count}} непрочитанного уведомления',
    'inquiry.created': {
      title: 'Новый запрос от покупателя {{buyer}}',
      body: 'Покупатель {{buyer}} ({{country}}) запрашивает товар «{{product}}»: {{quantity}}.',
    },
    'inquiry.message': { title: 'Новое сообщение от {{author}}', body: '{{author}}: новое сообщение по запросу о товаре «{{product}}».' },
    'inquiry.status': {
      title: 'Запрос по товару «{{product}}»: $t(status.{{status}})',
      body: 'Запрос по товару «{{product}}» переведён в статус «$t(status.{{status}})».',
    },
    'inquiry.quote': {
      title: 'Получено коммерческое предложение по товару «{{product}}»',
      body: '{{company}} предлагает цену {{price}} за единицу товара «{{product}}», предложение действует до {{validUntil}}.',
    },
    'invitation.created': {
      title: 'Присоединяйтесь к компании {{company}} на Tradecast',
      body: '{{inviter}} приглашает вас в команду компании {{company}} на Tradecast.',
    },
    'meeting.requested': { title: 'Запрос на встречу от {{from}}', body: '{{from}} предлагает встречу: {{when}}.' },
    'meeting.updated': {
      title: 'Встреча с {{with}}: $t(status.{{status}})',
      body: 'Статус вашей встречи с {{with}}: «$t(status.{{status}})».',
    },
    'meeting.confirm': {
      title: 'Подтвердите встречу с {{with}}',
      body: 'Ваша встреча с {{with}} назначена на {{when}}. Подтвердите участие или сообщите, что не сможете прийти.',
    },
    'meeting.expired': {
      title: 'Срок запроса встречи истёк: {{with}}',
      body: 'На запрос встречи с {{with}} на {{when}} никто не ответил вовремя, и его срок истёк. Можно запросить другое время.',
    },
    'meeting.cantMakeIt': {
      title: '{{with}} не сможет прийти',
      body: '{{with}} не сможет прийти на встречу {{when}}, поэтому она отменена. Её можно перенести одним нажатием.',
    },
    'meeting.seatHandedBack': {
      title: 'Встреча с {{with}} теперь ваша',
      body: '{{agency}} больше не ведёт встречи вашей компании, поэтому место агентства на встрече с {{with}} ({{when}}) перешло к вам: вы ведёте комнату встречи, вам доступен файл для календаря. Покупатель и время остаются прежними.',
    },
    'meeting.seatPassedOn': {
      title: 'Встреча с {{with}} теперь ваша',
      body: '{{member}} больше не работает в {{agency}}, поэтому место на встрече с {{with}} ({{when}}) перешло к вам: вы ведёте комнату встречи, вам доступен файл для календаря. Покупатель и время остаются прежними.',
    },
    'meeting.hostChanged': {
      title: '{{company}}: встречу теперь ведёт {{host}}',
      body: 'Вашу встречу с {{company}} ({{when}}) теперь ведёт {{host}}. Время и комната встречи остаются прежними; заново скачанный файл для календаря назовёт нового ведущего.',
    },
    'session.starting': { title: '«{{title}}» скоро начнётся', body: '«{{title}}» (компания {{company}}). Начало: {{when}}.' },
    'showcase.reminder24h': { title: 'Через 24 часа: {{title}}', body: '{{title}} ({{company}}) начинается {{when}}.' },
    'showcase.reminder10m': { title: '{{title}} начнётся через 10 минут', body: '{{title}} ({{company}}) начинается {{when}}.' },
    'showcase.live': { title: '{{title}}: прямой эфир', body: '{{company}} сейчас в прямом эфире: {{title}} (по плану {{when}}).' },
    'order.updated': { title: 'Заказ {{order}}: $t(status.{{status}})', body: 'Статус вашего заказа {{order}}: «$t(status.{{status}})».' },
    'consultation.requested': {
      title: 'Запись на консультацию: {{from}}',
      body: '{{from}} записалась на консультацию по рынку {{market}} на {{when}}. Подтвердите её.',
    },
    'consultation.updated': {
      title: 'Консультация с {{with}}: $t(consultations.status.{{status}})',
      body: 'Статус вашей консультации с {{with}} на {{when}}: «$t(consultations.status.{{status}})».',
    },
    'consultation.reminder': {
      title: 'Скоро консультация с {{with}}',
      body: 'Ваша консультация с {{with}} начнётся {{when}}. Видеокомната откроется за 10 минут.',
    },
    'registration.decided': {
      title: 'Регистрация на выставку «{{fair}}»: $t(status.{{status}})',
      body: 'Статус вашей регистрации на выставку «{{fair}}»: «$t(status.{{status}})».',
    },
    'studio.requested': { title: 'Заявка на студию: {{showcase}}', body: 'Для {{showcase}} запрошено время в студии: {{startsAt}}.' },
    'studio.approved': {
      title: 'Студия забронирована: {{showcase}}',
      body: '{{studio}} подтвердила время в студии для {{showcase}}: {{startsAt}}. Переводчик: {{interpreter}}.',
    },
    'studio.declined': {
      title: 'Заявка на студию отклонена: {{showcase}}',
      body: '{{studio}} отклонила заявку на студию для {{showcase}} ({{startsAt}}): {{reason}}',
    },
    'studio.cancelled': { title: 'Бронь студии отменена: {{showcase}}', body: '{{studio}} отменила бронь студии для {{showcase}} ({{startsAt}}): {{reason}}' },
  },
}
export default notifications
