import type en from '../en/readiness-buyer'
import type { MessagesOf } from '../types'

const readinessBuyer: MessagesOf<typeof en, 'ru'> = {
  readinessBuyer: {
    filterLegend: 'Готовность к рынку',
    market: 'Рынок',
    otherMarket: 'Другой рынок',
    anyMarket: 'Любой рынок',
    readyFor: 'Готов к поставке: {{market}}',
    readyForYourMarket: 'Готов к поставке на ваш рынок ({{market}})',
    filterApplied: 'Показаны товары, выполняющие все известные требования рынка {{market}}.',
    directoryHint: 'Только презентации с товаром, выполняющим все известные требования для страны {{country}} (на сегодня).',
    notCovered: 'Требований для рынка {{market}} пока нет, поэтому фильтр готовности не применён.',
    product: {
      title: 'Готовность к рынку {{market}}',
      chooseMarket: 'Рынок',
      show: 'Показать',
      held: 'Есть',
      missing: 'Не хватает',
      expiring: 'Истекает до отгрузки',
      checks: 'Также проверить',
      none: 'Для этого товара на этом рынке нет требований к документам.',
      notCovered: 'Требований для рынка {{market}} пока нет.',
    },
    gap: {
      title: 'Готовность к рынку покупателя: {{market}}',
      intro: 'Перед предложением цены: что у товара есть и чего не хватает для рынка {{market}} на ожидаемую дату отгрузки {{date}}.',
      missing: 'Не хватает',
      expiring: 'Истекает до даты отгрузки',
      allHeld: 'Все известные требования выполнены.',
      fix: 'Добавить документы в разделе готовности товара',
      noProduct: 'В запросе не указан товар, поэтому готовность показать нельзя.',
    },
  },
}

export default readinessBuyer
