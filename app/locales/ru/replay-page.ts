import type en from '../en/replay-page'
import type { MessagesOf } from '../types'

const replayPage: MessagesOf<typeof en, 'ru'> = {
  replayPage: {
    kicker: 'Запись эфира',
    host: 'Ведущий',
    aired: 'Эфир от {{date}}',
    length: 'Длительность {{duration}}',
    unpublished: 'Не опубликована: эту запись видят только компания-ведущий и организатор выставки.',
    playerLabel: 'Проигрыватель записи',
    videoLabel: 'Видеозапись: {{title}}',
    state: {
      idle: 'Загрузка записи…',
      loading: 'Загрузка записи…',
      playing: 'Воспроизведение',
      paused: 'Пауза',
      buffering: 'Буферизация…',
      error: 'Воспроизведение остановлено',
    },
    errors: {
      unsupported: 'Этот браузер не может воспроизвести запись. Попробуйте актуальную версию Chrome, Edge, Firefox или Safari.',
      'not-found': 'Запись больше недоступна.',
      network: 'Не удалось загрузить запись. Проверьте подключение и повторите попытку.',
      media: 'Не удалось воспроизвести запись. Повторите попытку.',
    },
    retry: 'Повторить',
    chapters: 'Разделы',
    chaptersLabel: 'Товары, показанные в этой презентации',
    noChapters: 'Во время этой презентации товары не закреплялись.',
    chapterButton: '{{name}}: перейти к {{time}}',
    nowShowing: 'Сейчас в кадре',
    chat: 'Чат в записи',
    chatLabel: 'Сообщения чата до этого момента записи',
    chatEmpty: 'К этому моменту эфира сообщений ещё нет.',
    chatTruncated: 'В записи чата показаны только первые сообщения эфира (до {{count}}).',
  },
}

export default replayPage
