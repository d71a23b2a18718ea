import type en from '../en/readiness-admin'
import type { MessagesOf } from '../types'

const readinessAdmin: MessagesOf<typeof en, 'zh-Hans'> = {
  readinessAdmin: {},
}

export default readinessAdmin
