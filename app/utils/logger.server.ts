import { pino } from 'pino'
import { getEnv } from './env.server'

const LOGGER_KEY = Symbol.for('tradecast.logger')
type GlobalWithLogger = typeof globalThis & { [LOGGER_KEY]?: pino.Logger }

// While the environment is invalid (the boot is about to stop with its message) logging still works.
function configuredLevel(): string {
  try {
    return getEnv().LOG_LEVEL
  } catch {
    return 'info'
  }
}

/** One JSON logger per process, shared by the HTTP server and the bundled app. */
export function getLogger(): pino.Logger {
  const holder = globalThis as GlobalWithLogger
  holder[LOGGER_KEY] ??= pino({
    level: configuredLevel(),
    base: { service: 'tradecast' },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  })
  return holder[LOGGER_KEY]
}
