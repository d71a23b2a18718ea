import type en from '../en/readiness-exporter'
import type { MessagesOf } from '../types'

const readinessExporter: MessagesOf<typeof en, 'ko'> = {
  readinessExporter: {},
}

export default readinessExporter
