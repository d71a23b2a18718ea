import { afterEach, describe, expect, it } from 'vitest'
import { getEnv, resetEnvCache } from './env.server'

const touched = ['NODE_ENV', 'SEED_DEMO_DATA', 'ENABLE_TEST_HOOKS', 'TRUST_PROXY', 'APP_URL'] as const
const saved = Object.fromEntries(touched.map((key) => [key, process.env[key]]))

/** Parses the environment with the given values (undefined = unset) on top of the test's own. */
function envWith(values: Partial<Record<(typeof touched)[number], string | undefined>>) {
  for (const [key, value] of Object.entries(values) as Array<[string, string | undefined]>) {
    if (value === undefined) Reflect.deleteProperty(process.env, key)
    else process.env[key] = value
  }
  resetEnvCache()
  return getEnv()
}

afterEach(() => {
  for (const key of touched) {
    if (saved[key] === undefined) Reflect.deleteProperty(process.env, key)
    else process.env[key] = saved[key]
  }
  resetEnvCache()
})

describe('SEED_DEMO_DATA', () => {
  it('defaults to seeding only in development', () => {
    expect(envWith({ NODE_ENV: 'development', SEED_DEMO_DATA: undefined }).SEED_DEMO_DATA).toBe('true')
    expect(envWith({ NODE_ENV: 'production', SEED_DEMO_DATA: undefined }).SEED_DEMO_DATA).toBe('false')
    expect(envWith({ NODE_ENV: 'test', SEED_DEMO_DATA: undefined }).SEED_DEMO_DATA).toBe('false')
  })

  it('seeds in production only when asked explicitly', () => {
    expect(envWith({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' }).SEED_DEMO_DATA).toBe('true')
    expect(envWith({ NODE_ENV: 'development', SEED_DEMO_DATA: 'false' }).SEED_DEMO_DATA).toBe('false')
  })
})

describe('ENABLE_TEST_HOOKS', () => {
  it('is refused in production', () => {
    expect(() => envWith({ NODE_ENV: 'production', ENABLE_TEST_HOOKS: '1' })).toThrow(/ENABLE_TEST_HOOKS=1 is refused when NODE_ENV=production/)
  })

  it('is allowed for tests and development', () => {
    expect(envWith({ NODE_ENV: 'test', ENABLE_TEST_HOOKS: '1' }).ENABLE_TEST_HOOKS).toBe('1')
    expect(envWith({ NODE_ENV: 'development', ENABLE_TEST_HOOKS: '1' }).ENABLE_TEST_HOOKS).toBe('1')
    expect(envWith({ NODE_ENV: 'production', ENABLE_TEST_HOOKS: '0' }).ENABLE_TEST_HOOKS).toBe('0')
    // A public deployment is refused them whatever NODE_ENV says.
    expect(() => envWith({ NODE_ENV: 'test', ENABLE_TEST_HOOKS: '1', APP_URL: 'https://fair.example' })).toThrow(/APP_URL is https/)
    expect(envWith({ NODE_ENV: 'test', ENABLE_TEST_HOOKS: '1', APP_URL: 'http://localhost:3100' }).ENABLE_TEST_HOOKS).toBe('1')
  })
})

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless configured', () => {
    expect(envWith({ TRUST_PROXY: undefined }).TRUST_PROXY).toBe(false)
    expect(envWith({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false)
  })

  it('refuses "true", which trusts any forged X-Forwarded-For', () => {
    expect(() => envWith({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true trusts addresses any client can forge/)
  })

  it('takes a hop count or proxy addresses and subnets', () => {
    expect(envWith({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
    expect(envWith({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12,loopback, ::1' }).TRUST_PROXY).toEqual(['10.0.0.1', '172.16.0.0/12', 'loopback', '::1'])
  })

  it('refuses anything else', () => {
    expect(() => envWith({ TRUST_PROXY: 'proxy.example' })).toThrow(/"proxy.example" is neither/)
    expect(() => envWith({ TRUST_PROXY: '99' })).toThrow(/at most 10 proxy hops/)
  })
})
