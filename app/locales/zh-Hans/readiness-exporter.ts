import type en from '../en/readiness-exporter'
import type { MessagesOf } from '../types'

const readinessExporter: MessagesOf<typeof en, 'zh-Hans'> = {
  readinessExporter: {},
}

export default readinessExporter
