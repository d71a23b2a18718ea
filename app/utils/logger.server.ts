import { pino } from 'pino'

const LOGGER_KEY = Symbol.for('tradecast.logger')
type GlobalWithLogger = typeof globalThis & { [LOGGER_KEY]?: pino.Logger }

/** One JSON logger per process, shared by the HTTP server and the bundled app. */
export function getLogger(): pino.Logger {
  const holder = globalThis as GlobalWithLogger
  holder[LOGGER_KEY] ??= pino({
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service: 'tradecast' },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  })
  return holder[LOGGER_KEY]
}
