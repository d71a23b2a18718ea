import type en from '../en/readiness-exporter'
import type { MessagesOf } from '../types'

const readinessExporter: MessagesOf<typeof en, 'ja'> = {
  readinessExporter: {},
}

export default readinessExporter
