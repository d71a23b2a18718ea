import { inject } from 'vitest'
import './console-guard.ts'

declare module 'vitest' {
  // An interface, so that it merges into vitest's own declaration.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    scratchDatabaseUrl: string
  }
}

process.env.NODE_ENV = 'test'
process.env.SEED_DEMO_DATA = 'false'
process.env.DATABASE_URL = inject('scratchDatabaseUrl')
delete process.env.PGLITE_DATA_DIR
