import type en from '../en/restream'
import type { MessagesOf } from '../types'

const restream: MessagesOf<typeof en, 'ru'> = {
  restream: {
    title: 'Ретрансляция',
    intro:
      'Одновременно отправляйте эту трансляцию на другие платформы. Отправка начинается, когда вы выходите в эфир, и останавливается, когда вы завершаете.',
    empty: 'Адресатов пока нет.',
    platforms: {
      YOUTUBE: 'YouTube Live',
      FACEBOOK: 'Facebook Live',
      TIKTOK: 'TikTok LIVE',
      NAVER: 'Naver Shopping Live',
      TWITCH: 'Twitch',
      CUSTOM: 'Другой RTMP-сервер',
    },
    form: {
      legend: 'Добавить адресата',
      platform: 'Платформа',
      label: 'Название (необязательно)',
      serverUrl: 'URL сервера',
      serverUrlHint: 'Адрес rtmp:// или rtmps://, который даёт платформа.',
      presetHint: 'Оставьте пустым, чтобы использовать {{url}}.',
      streamKey: 'Ключ трансляции',
      streamKeyHint: 'Хранится в зашифрованном виде; потом показываются только последние символы.',
      add: 'Добавить адресата',
      adding: 'Добавляем…',
    },
    list: {
      caption: 'Адресаты',
      key: 'Ключ {{masked}}',
      enable: 'Включить',
      disable: 'Выключить',
      remove: 'Удалить',
      removeLabel: 'Удалить {{name}}',
      retry: 'Повторить',
      retryLabel: 'Повторить {{name}} сейчас',
      turnedOff: 'Выключено',
    },
    states: {
      off: 'Начнётся, когда вы выйдете в эфир',
      connecting: 'Подключение…',
      live: 'В эфире',
      retrying: 'Повтор через {{seconds}} с: {{reason}}',
      failed: 'Ошибка: {{reason}}',
    },
    reasons: {
      unreachable: 'сервер недоступен',
      rejected: 'платформа отклонила поток (проверьте ключ)',
      dropped: 'соединение прервалось',
      exited: 'отправка остановилась',
      'no-encoder': 'сервер не может кодировать (нет ffmpeg)',
      'key-unreadable': 'сохранённый ключ не читается; добавьте адресата заново',
      'private-host': 'адрес указывает на частную сеть',
      encoder: 'кодировщик сервера остановился (запись не удалась); нажмите «Повторить»',
    },
    errors: {
      platform: 'Выберите платформу.',
      label: 'Не более 60 символов, без управляющих символов.',
      serverUrl: {
        required: 'Введите URL сервера, который даёт платформа.',
        invalid: 'Введите URL без пробелов, параметров запроса и фрагмента.',
        scheme: 'URL должен начинаться с rtmp:// или rtmps://.',
        credentials: 'Не указывайте в URL имя пользователя и пароль.',
        host: 'В URL нужно корректное имя хоста.',
        'private-host': 'Это адрес частной сети; используйте публичный сервер платформы.',
        'too-long': 'URL слишком длинный.',
      },
      streamKey: {
        required: 'Введите ключ трансляции.',
        'too-short': 'Ключ трансляции слишком короткий.',
        'too-long': 'Ключ трансляции слишком длинный.',
        characters: 'В ключе есть символы, которые платформы не используют, например пробелы или косые черты.',
      },
      tooMany: 'У одной трансляции может быть не больше {{max}} адресатов.',
      invalid: 'Не удалось понять запрос.',
      notFound: 'Этого адресата больше нет.',
    },
    uptime: {
      caption: 'Адресаты ретрансляции: сколько времени каждая платформа получала трансляцию',
      broadcast: 'Трансляция',
      destination: 'Адресат',
      onAir: 'Время в эфире',
      connections: 'Подключения',
      drops: 'Обрывы',
      sent: 'Отправлено данных',
      minutes: '{{minutes}} мин',
      megabytes: '{{megabytes}} МБ',
    },
  },
}

export default restream
