import { randomUUID } from 'node:crypto'
import { RateLimiterRedis } from 'rate-limiter-flexible'
import { createClient } from 'redis'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { resetEnvCache } from './env.server'
import { LOGIN_LIMITS } from './rate-limit.server'

const redisUrl = process.env.TEST_REDIS_URL

describe('sign-in rate limit in this process (no Redis)', () => {
  it('allows 10 attempts per account and address in 15 minutes, then says when to retry', async () => {
    delete process.env.REDIS_URL
    resetEnvCache()
    const { consumeLoginAttempt, resetLoginAttempts } = await import('./rate-limit.server')
    const email = `${randomUUID()}@example.test`
    for (let n = 0; n < 10; n++) expect(await consumeLoginAttempt('203.0.113.7', email)).toEqual({ allowed: true })
    const refused = await consumeLoginAttempt('203.0.113.7', email)
    expect(refused.allowed).toBe(false)
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(14 * 60)
    // Another address is another key; a successful sign-in forgives the account's failures.
    expect(await consumeLoginAttempt('198.51.100.9', email)).toEqual({ allowed: true })
    await resetLoginAttempts('203.0.113.7', email)
    expect(await consumeLoginAttempt('203.0.113.7', email)).toEqual({ allowed: true })
  })
})

describe('per-account and anti-automation limits in this process (no Redis)', () => {
  it('counts an IPv6 client by its /64: new addresses in the same /64 buy no new sign-ups or RFQs', async () => {
    delete process.env.REDIS_URL
    resetEnvCache()
    const { consumeRateLimit, consumeTradeBudget } = await import('./rate-limit.server')
    const network = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`
    for (let n = 0; n < 5; n++) expect(await consumeRateLimit('signupByIp', `${network}::${n + 1}`)).toEqual({ allowed: true })
    expect((await consumeRateLimit('signupByIp', `${network}:aaaa:bbbb:cccc:dddd`)).allowed).toBe(false)
    for (let n = 0; n < 60; n++) expect(await consumeTradeBudget('rfq', { userId: randomUUID(), ip: `${network}::${n + 1}` })).toEqual({ allowed: true })
    expect((await consumeTradeBudget('rfq', { userId: randomUUID(), ip: `${network}::ffff` })).allowed).toBe(false)
  })

  it('refuses the 21st attempt on one account within 15 minutes even from a new address each time', async () => {
    delete process.env.REDIS_URL
    resetEnvCache()
    const { consumeLoginAttempt, resetLoginAttempts } = await import('./rate-limit.server')
    const email = `${randomUUID()}@example.test`
    for (let n = 0; n < 20; n++) expect(await consumeLoginAttempt(`192.0.2.${n + 1}`, email)).toEqual({ allowed: true })
    const refused = await consumeLoginAttempt('192.0.2.200', email.toUpperCase())
    expect(refused.allowed).toBe(false)
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(14 * 60)
    // Another account from those addresses is unaffected; the right password forgives the account.
    expect(await consumeLoginAttempt('192.0.2.200', `${randomUUID()}@example.test`)).toEqual({ allowed: true })
    await resetLoginAttempts('192.0.2.1', email)
    expect(await consumeLoginAttempt('192.0.2.201', email)).toEqual({ allowed: true })
  })

  it('gives each address 5 sign-ups an hour, and a refunded point can be used again', async () => {
    delete process.env.REDIS_URL
    resetEnvCache()
    const { consumeRateLimit, refundRateLimit } = await import('./rate-limit.server')
    const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
    for (let n = 0; n < 5; n++) expect(await consumeRateLimit('signupByIp', ip)).toEqual({ allowed: true })
    expect(await consumeRateLimit('signupByIp', ip)).toMatchObject({ allowed: false })
    await refundRateLimit('signupByIp', ip)
    await refundRateLimit('signupByIp', ip)
    expect(await consumeRateLimit('signupByIp', ip)).toEqual({ allowed: true })
  })
})

describe.skipIf(!redisUrl)('sign-in rate limit shared through Redis', () => {
  const other = createClient({ url: redisUrl })

  afterAll(async () => {
    const { closeSharedRedis } = await import('./redis.server')
    await closeSharedRedis()
    if (other.isOpen) await other.quit()
    delete process.env.REDIS_URL
    resetEnvCache()
  })

  it('counts the attempts of every process together', async () => {
    process.env.REDIS_URL = redisUrl
    resetEnvCache()
    // A fresh module: its limiters are created with REDIS_URL set.
    vi.resetModules()
    const { consumeLoginAttempt } = await import('./rate-limit.server')
    const { getSharedRedis } = await import('./redis.server')
    const shared = getSharedRedis()!
    // Until the connection is ready, each process counts on its own (tested below).
    if (!shared.isReady) await new Promise((resolve) => shared.once('ready', resolve))
    const email = `${randomUUID()}@example.test`
    for (let n = 0; n < 6; n++) expect((await consumeLoginAttempt('203.0.113.8', email)).allowed).toBe(true)
    // "Another process": its own connection and limiter on the same keys sees those 6 and allows 4 more.
    await other.connect()
    const elsewhere = new RateLimiterRedis({ ...LOGIN_LIMITS.byAccountAndIp, storeClient: other, useRedisPackage: true })
    const key = `${email}|203.0.113.8`
    expect((await elsewhere.get(key))?.consumedPoints).toBe(6)
    for (let n = 0; n < 4; n++) await elsewhere.consume(key)
    expect(await consumeLoginAttempt('203.0.113.8', email)).toMatchObject({ allowed: false })
  })
})

describe('sign-in rate limit while Redis does not answer', () => {
  afterAll(async () => {
    const { closeSharedRedis } = await import('./redis.server')
    await closeSharedRedis()
    delete process.env.REDIS_URL
    resetEnvCache()
  })

  // Waiting on Redis would take node-redis's 5-s command timeout: the 3-s limit catches a hang, it
  // measures no performance.
  it('still answers, counting in this process', { timeout: 3000 }, async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:1' // nothing listens there
    resetEnvCache()
    vi.resetModules()
    const { consumeLoginAttempt, resetLoginAttempts } = await import('./rate-limit.server')
    const email = `${randomUUID()}@example.test`
    for (let n = 0; n < 10; n++) expect(await consumeLoginAttempt('203.0.113.9', email)).toEqual({ allowed: true })
    expect(await consumeLoginAttempt('203.0.113.9', email)).toMatchObject({ allowed: false })
    // A successful sign-in's reset neither waits for Redis nor fails the sign-in.
    await resetLoginAttempts('203.0.113.9', email)
  })
})
