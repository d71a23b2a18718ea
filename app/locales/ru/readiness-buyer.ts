import type en from '../en/readiness-buyer'
import type { MessagesOf } from '../types'

const readinessBuyer: MessagesOf<typeof en, 'ru'> = {
  readinessBuyer: {},
}

export default readinessBuyer
