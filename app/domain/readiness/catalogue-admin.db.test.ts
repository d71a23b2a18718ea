import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { action as editAction, loader as editLoader } from '~/routes/admin/requirements/edit'
import { loader as listLoader } from '~/routes/admin/requirements/index'
import { action as newAction } from '~/routes/admin/requirements/new'
import { createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { changedFields, recentChanges, requirementHistory } from './catalogue-admin.server'
import { readyProductIds } from './readiness.server'

// The admin catalogue editor end to end through its routes: each create/update/delete writes its audit row
// (who, before, after) and rebuilds the stored readiness in the same transaction, so a product turns
// missing the moment a requirement for its HS code and market is added, and ready again when it goes.

type Admin = Awaited<ReturnType<typeof createUser>>
let admin: Admin
let productId: string

const CODE = 'US-TEST-FFR'

/** A valid form as the browser posts it (lists as comma-separated text). */
function requirementFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: 'save',
    code: CODE,
    market: 'us',
    kind: 'registration',
    scope: 'company',
    documentTypes: 'fda',
    hs: '19, 2106',
    exceptHs: '210690',
    'name.en': 'FDA food facility registration',
    'name.ko': 'FDA 식품시설 등록',
    'howToGet.en': 'Register the facility with the FDA and name a US agent.',
    issuerTypes: 'regulator',
    'leadTimeDays.min': '3',
    'leadTimeDays.max': '14',
    voucherEligible: 'on',
    sourceUrl: 'https://www.fda.gov/food/online-registration-food-facilities',
    ...overrides,
  }
}

beforeAll(async () => {
  const prisma = await getPrisma()
  // On PostgreSQL the test files share one database: start from an empty catalogue, whatever ran before.
  await prisma.marketRequirement.deleteMany({})
  admin = await createUser('ADMIN', { name: 'Ada Admin' })
  const exporter = await createExporter()
  productId = (await createProduct(exporter.company.id, { hsCode: '190230' })).id
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('admin market requirements catalogue', () => {
  it('creating a requirement audits it and makes a product of its HS code and market missing it', async () => {
    const prisma = await getPrisma()
    expect(await readyProductIds([productId], 'US')).toEqual(new Set([productId]))

    const response = (await postAction(newAction, '/admin/requirements/new', [admin.cookie], requirementFields())) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/admin/requirements/${CODE}`)

    const changes = await prisma.marketRequirementChange.findMany({ where: { code: CODE } })
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ action: 'created', before: null, actorId: admin.user.id, actorName: 'Ada Admin', actorEmail: admin.user.email })
    expect(changes[0]?.after).toMatchObject({ code: CODE, market: 'US', documentTypes: ['FDA'], hs: ['19', '2106'], exceptHs: ['210690'], checkedOn: null })

    // Stored in the same transaction: the product (HS 190230) now lacks the US registration.
    expect(await prisma.productMarketReadiness.findMany({ where: { productId }, select: { market: true, required: true, missing: true } })).toEqual([
      { market: 'US', required: 1, missing: 1 },
    ])
    expect(await readyProductIds([productId], 'US')).toEqual(new Set())
    // Other markets have no rules for it: still ready.
    expect(await readyProductIds([productId], 'JP')).toEqual(new Set([productId]))
  })

  it('a taken code on create is a field error, the input kept', async () => {
    const result = (await postAction(newAction, '/admin/requirements/new', [admin.cookie], requirementFields({ 'name.en': 'Another name' }))) as {
      init: { status: number }
      data: { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }
    }
    expect(result.init.status).toBe(409)
    expect(result.data.result.error.code).toEqual(['readinessAdmin.errors.codeTaken'])
    expect(result.data.result.initialValue).toMatchObject({ name: { en: 'Another name' } })
  })

  it('invalid forms go back with the errors on their fields and nothing written', async () => {
    const prisma = await getPrisma()
    const before = await prisma.marketRequirementChange.count()
    const result = (await postAction(
      newAction,
      '/admin/requirements/new',
      [admin.cookie],
      requirementFields({
        code: 'NEW-RULE',
        hs: '19, abc',
        exceptHs: '20',
        sourceUrl: 'http://example.org/rule',
        issuerTypes: '',
        'leadTimeDays.min': '30',
        'leadTimeDays.max': '5',
        'name.en': '',
      }),
    )) as { init: { status: number }; data: { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } } }
    expect(result.init.status).toBe(400)
    const { error, initialValue } = result.data.result
    expect(error['hs[1]']).toEqual(['readiness.errors.hsPrefix'])
    expect(error.sourceUrl).toEqual(['readinessAdmin.errors.sourceUrl'])
    expect(error.issuerTypes).toEqual(['readinessAdmin.errors.issuerTypes'])
    expect(error.leadTimeDays).toEqual(['readiness.errors.leadTime'])
    expect(error['name.en']).toBeDefined()
    // What was typed comes back as typed.
    expect(initialValue).toMatchObject({ code: 'NEW-RULE', hs: '19, abc', sourceUrl: 'http://example.org/rule' })
    // An exemption outside every included prefix.
    const outside = (await postAction(newAction, '/admin/requirements/new', [admin.cookie], requirementFields({ code: 'NEW-RULE', exceptHs: '20' }))) as {
      data: { result: { error: Record<string, string[]> } }
    }
    expect(outside.data.result.error.exceptHs).toEqual(['readiness.errors.exceptOutside'])
    const badCode = (await postAction(newAction, '/admin/requirements/new', [admin.cookie], requirementFields({ code: 'bad code!' }))) as {
      data: { result: { error: Record<string, string[]> } }
    }
    expect(badCode.data.result.error.code).toEqual(['readiness.errors.code'])
    expect(await prisma.marketRequirement.count({ where: { code: 'NEW-RULE' } })).toBe(0)
    expect(await prisma.marketRequirementChange.count()).toBe(before)
  })

  it('updating audits before → after, keeps the code and refreshes readiness', async () => {
    const prisma = await getPrisma()
    // The HS prefixes no longer reach the product; the posted code is ignored (codes never change).
    const response = (await postAction(
      editAction,
      `/admin/requirements/${CODE}`,
      [admin.cookie],
      requirementFields({ code: 'RENAMED', hs: '20', exceptHs: '', markChecked: 'on' }),
      { code: CODE },
    )) as Response
    expect(response.status).toBe(302)
    expect(await prisma.marketRequirement.count({ where: { code: 'RENAMED' } })).toBe(0)
    const row = await prisma.marketRequirement.findUniqueOrThrow({ where: { code: CODE } })
    expect(row.hsPrefixes).toEqual(['20'])
    expect(row.checkedOn?.toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10))

    const [latest] = await requirementHistory(CODE)
    expect(latest).toMatchObject({ action: 'updated', actorName: 'Ada Admin' })
    expect(latest?.changes).toEqual([
      { field: 'hs', before: '19, 2106', after: '20' },
      { field: 'exceptHs', before: '210690', after: '—' },
      { field: 'checkedOn', before: '—', after: new Date().toISOString().slice(0, 10) },
    ])
    expect(await prisma.productMarketReadiness.count({ where: { productId } })).toBe(0)
    expect(await readyProductIds([productId], 'US')).toEqual(new Set([productId]))

    // The edit page shows the requirement and its history; the list finds it by market and by HS code.
    const page = await editLoader({ request: getRequest(`/admin/requirements/${CODE}`, [admin.cookie]), params: { code: CODE } } as never)
    expect(page.defaults).toMatchObject({ hs: '20', documentTypes: 'FDA', voucherEligible: 'on' })
    expect(page.history.map((entry) => entry.action)).toEqual(['updated', 'created'])
    const list = await listLoader({ request: getRequest('/admin/requirements?market=US&hs=200410', [admin.cookie]), params: {} } as never)
    expect(list.requirements.map((requirement) => requirement.code)).toContain(CODE)
    expect(list.forHs.find((row) => row.market === 'US')?.requirements.map((requirement) => requirement.code)).toContain(CODE)
    expect(list.forHs.find((row) => row.market === 'JP')?.requirements).toEqual([])
    expect(list.recent.map((entry) => entry.code)).toContain(CODE)
  })

  it('deleting asks for confirmation, then audits the requirement it removed', async () => {
    const prisma = await getPrisma()
    // Back onto the product's HS code first, so the deletion has something to change.
    await postAction(editAction, `/admin/requirements/${CODE}`, [admin.cookie], requirementFields({ exceptHs: '' }), { code: CODE })
    expect(await readyProductIds([productId], 'US')).toEqual(new Set())

    const unconfirmed = (await postAction(editAction, `/admin/requirements/${CODE}`, [admin.cookie], { intent: 'delete' }, { code: CODE })) as {
      init: { status: number }
      data: { deleteError: string }
    }
    expect(unconfirmed.init.status).toBe(400)
    expect(unconfirmed.data.deleteError).toBe('readinessAdmin.errors.confirmDelete')
    expect(await prisma.marketRequirement.count({ where: { code: CODE } })).toBe(1)

    const response = (await postAction(
      editAction,
      `/admin/requirements/${CODE}`,
      [admin.cookie],
      { intent: 'delete', confirm: 'on' },
      { code: CODE },
    )) as Response
    expect(response.headers.get('Location')).toBe('/admin/requirements')
    expect(await prisma.marketRequirement.count({ where: { code: CODE } })).toBe(0)
    const [deleted] = await prisma.marketRequirementChange.findMany({ where: { code: CODE }, orderBy: { createdAt: 'desc' }, take: 1 })
    expect(deleted).toMatchObject({ action: 'deleted', after: null, actorId: admin.user.id })
    expect(deleted?.before).toMatchObject({ code: CODE, hs: ['19', '2106'] })
    expect(await readyProductIds([productId], 'US')).toEqual(new Set([productId]))
    // The trail outlives the requirement.
    expect((await requirementHistory(CODE)).map((entry) => entry.action)).toEqual(['deleted', 'updated', 'updated', 'created'])
    expect((await recentChanges({ take: 1 }))[0]).toMatchObject({ code: CODE, action: 'deleted' })
  })

  it('an unknown code is a 404; non-admins are refused', async () => {
    expect(
      (await caught(() => editLoader({ request: getRequest('/admin/requirements/NOPE', [admin.cookie]), params: { code: 'NOPE' } } as never))).status,
    ).toBe(404)
    expect(
      (await caught(() => postAction(editAction, '/admin/requirements/NOPE', [admin.cookie], requirementFields({ code: 'NOPE' }), { code: 'NOPE' }))).status,
    ).toBe(404)
    const organizer = await createUser('ORGANIZER')
    expect((await caught(() => postAction(newAction, '/admin/requirements/new', [organizer.cookie], requirementFields({ code: 'EVIL-1' })))).status).toBe(403)
    expect((await caught(() => listLoader({ request: getRequest('/admin/requirements', [organizer.cookie]), params: {} } as never))).status).toBe(403)
  })

  it('summarises changes field by field', () => {
    expect(
      changedFields({ hs: ['19'], name: { en: 'A' }, voucherEligible: false }, { hs: ['19', '20'], name: { en: 'A', ko: '가' }, voucherEligible: false }),
    ).toEqual([
      { field: 'hs', before: '19', after: '19, 20' },
      { field: 'name', before: 'en: A', after: 'en: A; ko: 가' },
    ])
    expect(changedFields(null, { code: 'X-1', checkedOn: null }).map((change) => change.field)).toEqual(['code'])
  })
})
