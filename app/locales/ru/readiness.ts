import type en from '../en/readiness'
import type { MessagesOf } from '../types'

const readiness: MessagesOf<typeof en, 'ru'> = {
  readiness: {
    disclaimer:
      'Справка по открытым источникам, а не юридическая консультация. Правила меняются: проверьте каждый источник и уточните у импортёра, таможенного брокера или KOTRA перед отгрузкой.',
    status: {
      ready: 'Готов к экспорту',
      expiring: 'Продлить до отгрузки',
      missing: 'Не хватает требований',
      'not-covered': 'Правил нет',
    },
    item: {
      held: 'Есть',
      expiring: 'Истекает до даты отгрузки',
      missing: 'Нет',
      check: 'Проверить',
    },
    kind: {
      registration: 'Регистрация',
      certificate: 'Сертификат',
      notification: 'Уведомление',
      testing: 'Испытания',
      labelling: 'Маркировка',
    },
    scope: { company: 'На всю компанию', product: 'На каждый товар' },
    issuer: {
      regulator: 'Государственный регулятор',
      'certification-body': 'Орган по сертификации',
      'testing-lab': 'Аккредитованная лаборатория',
      'halal-authority': 'Орган халяль-сертификации',
      'local-agent': 'Местный представитель или импортёр',
      'chamber-of-commerce': 'Торговая палата',
      'plant-quarantine': 'Служба карантина растений',
      'notified-body': 'Нотифицированный орган',
    },
    leadTime: '{{min}}–{{max}} дн.',
    voucher: 'Можно оплатить экспортными ваучерами',
    source: 'Источник',
    checkedOn: 'проверено {{date}}',
    notChecked: 'источник ещё не проверен',
    heldDocument: '{{type}} {{number}}, действует до {{until}}',
    heldDocumentOpenEnded: '{{type}} {{number}}, бессрочно',
    lapsedDocument: '{{type}} {{number}} сейчас не действует',
    shipDate: 'Ожидаемая дата отгрузки',
    marketLabel: 'Рынок',
    blocs: { EU: 'Европейский союз', GCC: 'Страны Залива (ССАГПЗ)', EAEU: 'Евразийский экономический союз' },
    errors: {
      market: 'Выберите страну или союз',
      hsPrefix: 'Префикс кода HS (ТН ВЭД) — от 2 до 10 цифр',
      code: 'Заглавные латинские буквы, цифры и дефисы, например US-FDA-FFR',
      documentType: 'Тип документа: заглавные буквы, цифры, - или _',
      leadTime: 'Минимальный срок не может превышать максимальный',
      exceptOutside: 'Исключение должно быть более длинным префиксом внутри одного из применяемых',
    },
  },
}

export default readiness
