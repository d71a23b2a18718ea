import { afterAll, beforeAll } from 'vitest'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { resetEnvCache } from '~/utils/env.server'

/**
 * For a test file whose requests pin the clock (the tc_test_now cookie): ENABLE_TEST_HOOKS=1 and the
 * database for the file's duration, restored afterwards.
 */
export function useTestHooksAndDatabase(): void {
  beforeAll(async () => {
    process.env.ENABLE_TEST_HOOKS = '1'
    resetEnvCache()
    await getPrisma()
  })
  afterAll(async () => {
    delete process.env.ENABLE_TEST_HOOKS
    resetEnvCache()
    await disconnectPrisma()
  })
}
