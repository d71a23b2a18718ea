import type en from '../en/embed'
import type { MessagesOf } from '../types'

const embed: MessagesOf<typeof en, 'ru'> = {
  embed: {
    player: {
      label: 'Плеер презентации',
      videoLabel: 'Видео презентации: {{title}}',
      by: '{{company}}',
      startsAt: 'Начало: {{date}}',
      notStarted: 'Презентация ещё не началась.',
      ended: 'Эта презентация завершилась.',
      replay: 'Запись',
      unmute: 'Включить звук',
      mute: 'Выключить звук',
      retry: 'Повторить',
      watchOnTradecast: 'Смотреть на Tradecast',
      opensInNewTab: '(откроется в новой вкладке)',
      products: 'Товары этой презентации',
      noProducts: 'Сейчас на экране нет товаров.',
      requestQuote: 'Запросить цену',
      priceFrom: 'от {{price}}',
    },
    unavailable: {
      title: 'Эта презентация недоступна',
      body: 'Возможно, она закрытая, ещё не одобрена или больше не опубликована.',
      visit: 'Прямые презентации на Tradecast',
    },
    profile: {
      title: 'Плеер на вашем сайте',
      origins: 'Сайты, которым разрешено встраивать плеер ваших презентаций',
      originsHint:
        'По одному сайту в строке, например https://shop.example.com или https://*.example.com для всех поддоменов; не больше {{max}}. Незашифрованный http — только для localhost и 127.0.0.1 при разработке. На других сайтах плеер не покажется.',
    },
    errors: {
      origin: 'Укажите каждый сайт как https://имя (можно с портом), без пути; *. — только в начале имени; http — только для localhost или 127.0.0.1.',
      tooManyOrigins: 'Слишком много сайтов: не больше 20.',
    },
    snippet: {
      title: 'Встроить эту презентацию',
      intro: 'Вставьте один из этих фрагментов в свою веб-страницу. Плеер покажется только на сайтах из профиля компании.',
      iframe: 'Фрейм (iframe)',
      script: 'Веб-компонент',
      copy: 'Копировать',
      copied: 'Скопировано',
      profileLink: 'Сайты, где разрешено встраивание',
    },
  },
}

export default embed
