import type en from '../en/readiness-admin'
import type { MessagesOf } from '../types'

const readinessAdmin: MessagesOf<typeof en, 'ru'> = {
  readinessAdmin: {},
}

export default readinessAdmin
