import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetEnvCache } from '~/utils/env.server'
import { createUser } from '../../../../tests/fixtures'
import { mintCsrf } from '../../../../tests/http'
import { action as newFairAction } from './new'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { getUploadDir } from '~/utils/uploads.server'

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

async function postFair(cookie: string, slug: string, banner?: File) {
  const csrf = await mintCsrf()
  const form = new FormData()
  form.set('csrf', csrf.token)
  form.set('intent', 'save')
  form.set('name', 'Banner Expo')
  form.set('slug', slug)
  form.set('timeZone', 'Asia/Seoul')
  form.set('startsAt', '2027-03-02T09:00')
  form.set('endsAt', '2027-03-04T18:00')
  form.set('status', 'DRAFT')
  form.append('languages', 'en')
  if (banner) form.set('banner', banner)
  const request = new Request('http://localhost/organizer/fairs/new', {
    method: 'POST',
    body: form,
    headers: { Origin: 'http://localhost', Cookie: [csrf.cookie, cookie].join('; ') },
  })
  return newFairAction({ request, params: {} } as never)
}

beforeAll(async () => {
  process.env.UPLOAD_DIR = path.join(process.env.TMPDIR ?? '/tmp', `tradecast-uploads-${process.pid}`)
  resetEnvCache()
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('fair banner', () => {
  it('stores a real image and shows it on the fair', async () => {
    const organizer = await createUser('ORGANIZER')
    const response = (await postFair(organizer.cookie, `banner-${Date.now()}`, new File([PNG_1X1], 'banner.png', { type: 'image/png' }))) as Response
    expect(response.status).toBe(302)
    const prisma = await getPrisma()
    const fair = await prisma.tradeFair.findFirstOrThrow({ where: { organizerId: organizer.user.id } })
    expect(fair.bannerPath).toMatch(/^\/uploads\/[\w-]+\.png$/)
    expect(existsSync(path.join(getUploadDir(), path.basename(fair.bannerPath!)))).toBe(true)
  })

  it('refuses a text file named like an image and creates no fair', async () => {
    const organizer = await createUser('ORGANIZER')
    const result = (await postFair(organizer.cookie, `fake-${Date.now()}`, new File(['<script>alert(1)</script>'], 'banner.png', { type: 'image/png' }))) as {
      init: { status: number }
      data: { result: { error: Record<string, string[]> } }
    }
    expect(result.init.status).toBe(400)
    expect(result.data.result.error.banner).toEqual(['uploads.notAnImage'])
    const prisma = await getPrisma()
    expect(await prisma.tradeFair.count({ where: { organizerId: organizer.user.id } })).toBe(0)
  })
})
