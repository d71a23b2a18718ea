import type en from '../en/readiness-admin'
import type { MessagesOf } from '../types'

const readinessAdmin: MessagesOf<typeof en, 'ja'> = {
  readinessAdmin: {},
}

export default readinessAdmin
