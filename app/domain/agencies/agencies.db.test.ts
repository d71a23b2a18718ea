import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createProduct, createUser, sessionUserOf } from '../../../tests/fixtures'
import { agencyGrantingWorld, createAgency, unique } from '../../../tests/agency-fixtures'
import { caught, formRequest, getRequest, mintCsrf, postAction } from '../../../tests/http'
import { loader as productsLoader } from '~/routes/exporter/products/index'
import { loader as editLoader } from '~/routes/exporter/products/edit'
import { action as threadAction, loader as threadLoader } from '~/routes/inquiries/thread'
import { action as agenciesAction } from '~/routes/exporter/agencies'
import { action as agencyAction, loader as agencyLoader } from '~/routes/agency/dashboard'
import { action as adminAgenciesAction } from '~/routes/admin/agencies'
import { createI18n } from '~/lib/i18n'
import { STAFF_INVITE_TTL_MS } from '~/domain/accounts/staff.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { grantAgency, revokeGrant } from './grants.server'
import { recordAgencyAction, requireCompanyActorForScope } from './actor.server'
import { addAgencyMember } from './admin.server'
import { AdminAgencyActionSchema, CompanyAgencyActionSchema } from './schemas'
import { gate, waitForBlockedOn } from '../../../tests/lock-waits'

// Export agencies (docs/export-agencies.md, ADR 026): an agency member acts for a company only within the scopes
// of its active grant, read at every request; a revoke refuses the very next request; every action is recorded.

async function world() {
  const prisma = await getPrisma()
  const { granting, agency, member, grantId } = await agencyGrantingWorld(['CATALOGUE', 'RFQS_QUOTES'])
  const other = await createExporter({ companyName: `Other ${unique()}` })
  const product = await createProduct(granting.company.id, { name: 'Buckwheat noodles' })
  const otherProduct = await createProduct(other.company.id, { name: 'Pine nuts' })
  const buyer = await createBuyer()
  const inquiry = await prisma.inquiry.create({
    data: {
      buyerId: buyer.profile.id,
      companyId: granting.company.id,
      productId: product.id,
      quantity: 100,
      unit: 'kg',
      destinationCountry: 'US',
      message: 'Please quote',
      messages: { create: { authorId: buyer.user.id, body: 'Please quote' } },
    },
  })
  const otherInquiry = await prisma.inquiry.create({
    data: {
      buyerId: buyer.profile.id,
      companyId: other.company.id,
      productId: otherProduct.id,
      quantity: 5,
      unit: 'kg',
      destinationCountry: 'US',
      message: 'Hi',
    },
  })
  return { granting, other, product, otherProduct, agency, member, grantId, buyer, inquiry, otherInquiry }
}

async function post(path: string, cookie: string, fields: Record<string, string>) {
  const csrf = await mintCsrf()
  return formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, cookie] })
}

const quote = () => ({
  intent: 'quote',
  unitPrice: '3.5',
  currency: 'USD',
  quantity: '100',
  validUntil: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
  terms: '',
})

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('an agency member acting for a company', () => {
  it('edits the granting company’s products and quotes its RFQ, each recorded as "agency X for company Y"', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const list = (await productsLoader({ request: getRequest('/exporter/products', [w.member.cookie]), params: {} } as never)) as {
      products: Array<{ id: string }>
    }
    expect(list.products.map((p) => p.id)).toContain(w.product.id)
    await editLoader({ request: getRequest(`/exporter/products/${w.product.id}`, [w.member.cookie]), params: { productId: w.product.id } } as never)

    const quoted = (await threadAction({
      request: await post(`/inquiries/${w.inquiry.id}`, w.member.cookie, quote()),
      params: { inquiryId: w.inquiry.id },
    } as never)) as Response
    expect(quoted.status).toBe(302)
    const saved = await prisma.quote.findFirstOrThrow({ where: { inquiryId: w.inquiry.id } })
    const entry = await prisma.agencyAction.findFirstOrThrow({ where: { targetType: 'quote', targetId: saved.id } })
    expect(entry).toMatchObject({ agencyId: w.agency.id, companyId: w.granting.company.id, actorId: w.member.user.id, action: 'inquiry.quote' })

    // The buyer reads who sent it.
    const thread = (await threadLoader({
      request: getRequest(`/inquiries/${w.inquiry.id}`, [w.buyer.cookie]),
      params: { inquiryId: w.inquiry.id },
    } as never)) as {
      inquiry: { quotes: Array<{ agency: string | null }> }
    }
    expect(thread.inquiry.quotes[0]?.agency).toBe(w.agency.name)
  })

  it('is refused on a company that granted nothing, and outside the granted scopes', async () => {
    const w = await world()
    const editOther = await caught(() =>
      editLoader({ request: getRequest(`/exporter/products/${w.otherProduct.id}`, [w.member.cookie]), params: { productId: w.otherProduct.id } } as never),
    )
    expect(editOther.status).toBe(404)
    const threadOther = await caught(() =>
      threadLoader({ request: getRequest(`/inquiries/${w.otherInquiry.id}`, [w.member.cookie]), params: { inquiryId: w.otherInquiry.id } } as never),
    )
    expect(threadOther.status).toBe(404)
    // Choosing to act for the other company is refused (no grant).
    const choose = await agencyAction({
      request: await post('/agency', w.member.cookie, { intent: 'act-for', companyId: w.other.company.id }),
      params: {},
    } as never)
    expect((choose as { init?: { status?: number } }).init?.status).toBe(403)
    // RFQs only: the catalogue is refused once the scope is taken away.
    const prisma = await getPrisma()
    await prisma.agencyGrant.update({ where: { id: w.grantId }, data: { scopes: ['RFQS_QUOTES'] } })
    const noCatalogue = await caught(() => productsLoader({ request: getRequest('/exporter/products', [w.member.cookie]), params: {} } as never))
    expect(noCatalogue.status).toBe(302) // no company grants the catalogue: sent to /agency to choose
    expect(noCatalogue.location).toBe('/agency')
  })

  it('loses access on the very next request once the owner revokes the grant', async () => {
    const w = await world()
    const before = await editLoader({
      request: getRequest(`/exporter/products/${w.product.id}`, [w.member.cookie]),
      params: { productId: w.product.id },
    } as never)
    expect(before).toBeTruthy()
    const revoke = (await agenciesAction({
      request: await post('/exporter/agencies', w.granting.cookie, { intent: 'revoke', grantId: w.grantId }),
      params: {},
    } as never)) as Response
    expect(revoke.status).toBe(302)
    // Same session, next request: the session's cached user is not trusted, the grant is read again.
    const products = await caught(() => productsLoader({ request: getRequest('/exporter/products', [w.member.cookie]), params: {} } as never))
    expect(products.location).toBe('/agency')
    const thread = await caught(() =>
      threadLoader({ request: getRequest(`/inquiries/${w.inquiry.id}`, [w.member.cookie]), params: { inquiryId: w.inquiry.id } } as never),
    )
    expect(thread.status).toBe(404)
    const request = await post(`/inquiries/${w.inquiry.id}`, w.member.cookie, quote())
    const quoteAfter = await caught(() => threadAction({ request, params: { inquiryId: w.inquiry.id } } as never))
    expect(quoteAfter.status).toBe(404)
    const prisma = await getPrisma()
    expect(await prisma.quote.count({ where: { inquiryId: w.inquiry.id } })).toBe(0)
    const grant = await prisma.agencyGrant.findUniqueOrThrow({ where: { id: w.grantId } })
    expect(grant.revokedById).toBe(w.granting.user.id)
    expect(grant.revokedAt).not.toBeNull()
  })

  it('a chosen acting company is refused once its grant is revoked (the choice is not a right)', async () => {
    const w = await world()
    const chosen = (await agencyAction({
      request: await post('/agency', w.member.cookie, { intent: 'act-for', companyId: w.granting.company.id }),
      params: {},
    } as never)) as Response
    expect(chosen.status).toBe(302)
    await revokeGrant(w.granting.user, w.granting.company.id, w.grantId)
    const edit = await caught(() =>
      editLoader({ request: getRequest(`/exporter/products/${w.product.id}`, [w.member.cookie]), params: { productId: w.product.id } } as never),
    )
    expect(edit.status).toBe(403)
  })

  it('an action whose grant is revoked inside its transaction rolls back (the audit re-reads the grant)', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const acting = {
      user: { id: w.member.user.id, name: w.member.user.name },
      agency: { id: w.agency.id, name: w.agency.name },
      company: { id: w.granting.company.id, slug: w.granting.company.slug, name: w.granting.company.name },
      scopes: ['CATALOGUE' as const],
    }
    await prisma.agencyGrant.update({ where: { id: w.grantId }, data: { revokedAt: new Date() } })
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.product.update({ where: { id: w.product.id }, data: { moq: 4242 } })
        await recordAgencyAction(tx, acting, { action: 'product.update', targetType: 'product', targetId: w.product.id, scope: 'CATALOGUE' })
      }),
    ).rejects.toMatchObject({ code: 'agency-no-grant', status: 403 })
    expect((await prisma.product.findUniqueOrThrow({ where: { id: w.product.id } })).moq).not.toBe(4242)
  })
})

describe('the acting company of a page whose URL names none', () => {
  it('a choice whose grant lacks the scope falls back to the one company granting it; with two, it is refused', async () => {
    const w = await world()
    const chosen = (await agencyAction({
      request: await post('/agency', w.member.cookie, { intent: 'act-for', companyId: w.granting.company.id }),
      params: {},
    } as never)) as Response
    expect(chosen.status).toBe(302)
    const user = await sessionUserOf(w.member.cookie)
    const request = getRequest('/agency/meetings', [w.member.cookie])
    // The choice holds CATALOGUE, not MEETINGS: the only company granting MEETINGS is taken instead of a 403.
    await grantAgency(w.other.user, w.other.company.id, w.agency.id, ['MEETINGS'])
    expect((await requireCompanyActorForScope(request, user, 'MEETINGS')).company.id).toBe(w.other.company.id)
    expect((await requireCompanyActorForScope(request, user, 'CATALOGUE')).company.id).toBe(w.granting.company.id)
    // Two companies grant MEETINGS: which one cannot be told, and the choice does not hold it.
    const third = await createExporter({ companyName: `Third ${unique()}` })
    await grantAgency(third.user, third.company.id, w.agency.id, ['MEETINGS'])
    expect((await caught(() => requireCompanyActorForScope(request, user, 'MEETINGS'))).status).toBe(403)
  })
})

describe('grants', () => {
  it('only the OWNER grants; a MEMBER is refused; one active grant per company and agency', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const teammate = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: teammate.user.id, companyId: w.granting.company.id, role: 'MEMBER' } })
    const request = await post('/exporter/agencies', teammate.cookie, { intent: 'revoke', grantId: w.grantId })
    const byMember = await caught(() => agenciesAction({ request, params: {} } as never))
    expect(byMember.status).toBe(403)
    // Granting again changes the active grant's scopes instead of adding a second one.
    await grantAgency(w.granting.user, w.granting.company.id, w.agency.id, ['MEETINGS'])
    const active = await prisma.agencyGrant.findMany({ where: { companyId: w.granting.company.id, agencyId: w.agency.id, revokedAt: null } })
    expect(active).toHaveLength(1)
    expect(active[0]?.scopes).toEqual(['MEETINGS'])
    // The database refuses a second active grant even when a caller skips the check.
    await expect(prisma.agencyGrant.create({ data: { companyId: w.granting.company.id, agencyId: w.agency.id, scopes: ['CATALOGUE'] } })).rejects.toThrow()
    // Another company's owner cannot revoke this company's grant.
    await expect(revokeGrant(w.other.user, w.granting.company.id, w.grantId)).rejects.toMatchObject({ status: 403 })
  })

  it('the dashboard lists the granting companies and the RFQ waiting for an answer', async () => {
    const w = await world()
    const page = (await agencyLoader({ request: getRequest('/agency', [w.member.cookie]), params: {} } as never)) as {
      companies: Array<{ id: string; scopes: string[] }>
      inbox: Array<{ id: string; companyId: string }>
      kpis: { companies: number }
    }
    expect(page.companies).toEqual([expect.objectContaining({ id: w.granting.company.id, scopes: ['CATALOGUE', 'RFQS_QUOTES'] })])
    expect(page.inbox.map((item) => item.id)).toEqual([w.inquiry.id])
    expect(page.kpis.companies).toBe(1)
  })
})

type Reply = { data: { result: { error: Record<string, string[] | null> } }; init: { status: number } | null }

describe('agency members (admin)', () => {
  it('a new address gets an AGENCY staff account and the staff invitation, atomically with its membership; a name is required for it', async () => {
    const prisma = await getPrisma()
    const { user: admin, cookie } = await createUser('ADMIN')
    const agency = await createAgency({ region: 'Jeju' })
    const address = `agent-${unique()}@example.test`

    const nameless = (await postAction(adminAgenciesAction, '/admin/agencies', [cookie], {
      intent: 'add-member',
      agencyId: agency.id,
      email: address,
      role: 'AGENT',
    })) as Reply
    expect(nameless.init?.status).toBe(400)
    expect(nameless.data.result.error.name).toEqual(['agency.errors.nameRequired'])
    expect(await prisma.user.findUnique({ where: { email: address } })).toBeNull()

    const added = await postAction(adminAgenciesAction, '/admin/agencies', [cookie], {
      intent: 'add-member',
      agencyId: agency.id,
      email: address,
      name: 'Agent Oyun',
      role: 'LEAD',
    })
    expect((added as Response).status).toBe(302)
    const user = await prisma.user.findUniqueOrThrow({ where: { email: address }, include: { password: true, agencyMembership: true, passwordResets: true } })
    expect(user).toMatchObject({ name: 'Agent Oyun', role: 'AGENCY', password: null, agencyMembership: { agencyId: agency.id, role: 'LEAD' } })
    // The staff invitation (7-day link, the inviting admin named), not the 30-minute password reset mail.
    const [reset] = user.passwordResets
    expect(reset!.expiresAt.getTime() - reset!.createdAt.getTime()).toBeGreaterThan(STAFF_INVITE_TTL_MS - 60_000)
    const mails = await prisma.emailOutbox.findMany({ where: { to: address } })
    expect(mails).toHaveLength(1)
    const { t } = createI18n(user.locale as 'en')
    expect(mails[0]!.subject).toBe(t('staff.mail.subject'))
    expect(mails[0]!.text).toContain(admin.name)
    expect(mails[0]!.text).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}/)
  })

  it('an existing AGENCY account is added without a name and without mail; another role is refused; an unknown agency leaves no account and no mail', async () => {
    const prisma = await getPrisma()
    const agency = await createAgency({ region: 'Jeju' })
    const existing = await createUser('AGENCY')
    await addAgencyMember({ agencyId: agency.id, email: existing.user.email, role: 'AGENT', locale: 'en' }, { name: 'Hub Admin' })
    expect(await prisma.agencyMember.findUnique({ where: { userId: existing.user.id } })).toMatchObject({ agencyId: agency.id })
    expect(await prisma.emailOutbox.count({ where: { to: existing.user.email } })).toBe(0)

    const buyer = await createUser('BUYER')
    await expect(addAgencyMember({ agencyId: agency.id, email: buyer.user.email, role: 'AGENT', locale: 'en' }, { name: 'Hub Admin' })).rejects.toMatchObject({
      code: 'not-agency-account',
    })
    // An unknown agency: no account is created for the address and no mail goes out.
    const address = `orphan-${unique()}@example.test`
    await expect(
      addAgencyMember({ agencyId: 'cmissingagency0000000000', email: address, name: 'Nobody', role: 'AGENT', locale: 'en' }, { name: 'Hub Admin' }),
    ).rejects.toMatchObject({ status: 404 })
    expect(await prisma.user.findUnique({ where: { email: address } })).toBeNull()
    expect(await prisma.emailOutbox.count({ where: { to: address } })).toBe(0)
  })
})

// Two connections at once: PostgreSQL only (PGlite has one connection; its files run the rest of this file).
const onPostgres = Boolean(process.env.TEST_POSTGRES_URL && process.env.DATABASE_URL)

describe.runIf(onPostgres)('a revoke racing an agency mutation (PostgreSQL)', () => {
  const actingOf = (w: Awaited<ReturnType<typeof world>>) => ({
    user: { id: w.member.user.id, name: w.member.user.name },
    agency: { id: w.agency.id, name: w.agency.name },
    company: { id: w.granting.company.id, slug: w.granting.company.slug, name: w.granting.company.name },
    scopes: ['CATALOGUE' as const],
  })

  it('a revoke waits for a mutation that already holds the grant: the write is committed before the revoke, never after', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const checked = gate()
    const finish = gate()
    const mutation = prisma.$transaction(
      async (tx) => {
        await tx.product.update({ where: { id: w.product.id }, data: { moq: 4343 } })
        await recordAgencyAction(tx, actingOf(w), { action: 'product.update', targetType: 'product', targetId: w.product.id, scope: 'CATALOGUE' })
        checked.open()
        await finish.opened
        return new Date()
      },
      { timeout: 20_000 },
    )
    await checked.opened
    let revoked = false
    const revoke = revokeGrant(w.granting.user, w.granting.company.id, w.grantId).then(() => (revoked = true))
    await waitForBlockedOn('AgencyGrant')
    expect(revoked).toBe(false)
    finish.open()
    await mutation
    await revoke
    const action = await prisma.agencyAction.findFirstOrThrow({ where: { targetId: w.product.id } })
    const grant = await prisma.agencyGrant.findUniqueOrThrow({ where: { id: w.grantId } })
    expect(grant.revokedAt).not.toBeNull()
    expect((await prisma.product.findUniqueOrThrow({ where: { id: w.product.id } })).moq).toBe(4343)
    expect(action.agencyId).toBe(w.agency.id)
  })

  it('a mutation meeting a revoke not yet committed waits for it, then fails and rolls back', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const updated = gate()
    const commit = gate()
    const revoking = prisma.$transaction(
      async (tx) => {
        await tx.agencyGrant.update({ where: { id: w.grantId }, data: { revokedAt: new Date(), revokedById: w.granting.user.id } })
        updated.open()
        await commit.opened
      },
      { timeout: 20_000 },
    )
    await updated.opened
    const mutation = prisma.$transaction(
      async (tx) => {
        await tx.product.update({ where: { id: w.product.id }, data: { moq: 4444 } })
        await recordAgencyAction(tx, actingOf(w), { action: 'product.update', targetType: 'product', targetId: w.product.id, scope: 'CATALOGUE' })
      },
      { timeout: 20_000 },
    )
    const outcome = mutation.then(
      () => 'committed',
      (error: unknown) => error,
    )
    await waitForBlockedOn('AgencyGrant')
    commit.open()
    await revoking
    expect(await outcome).toMatchObject({ code: 'agency-no-grant', status: 403 })
    expect((await prisma.product.findUniqueOrThrow({ where: { id: w.product.id } })).moq).not.toBe(4444)
    expect(await prisma.agencyAction.count({ where: { targetId: w.product.id } })).toBe(0)
  })
})

describe('hostile input', () => {
  it.each([
    { intent: 'grant', agencyId: "x' OR 1=1 --", scopes: 'CATALOGUE' },
    { intent: 'grant', agencyId: 'abc', scopes: 'EVERYTHING' },
    { intent: 'grant', agencyId: 'abc' },
    { intent: 'revoke', grantId: 'a\u0000b' },
    { intent: 'drop-table' },
  ])('the grants form refuses %j', (fields) => {
    expect(CompanyAgencyActionSchema.safeParse(fields).success).toBe(false)
  })

  it.each([
    { intent: 'create-agency', name: 'Gangwon\u202EycnegA', region: 'Gangwon' },
    { intent: 'create-agency', name: 'Agency\u0007', region: 'Gangwon' },
    { intent: 'create-agency', name: 'A'.repeat(121), region: 'Gangwon' },
    { intent: 'add-member', agencyId: 'abc', email: 'not-an-address' },
    { intent: 'add-member', agencyId: 'abc', email: 'x@example.test', role: 'OWNER' },
    { intent: 'add-member', agencyId: 'abc', email: 'x@example.test', name: 'Agent\u202Egnp.exe' },
    { intent: 'add-member', agencyId: 'abc', email: 'x@example.test', name: 'A'.repeat(101) },
  ])('the admin form refuses %j', (fields) => {
    expect(AdminAgencyActionSchema.safeParse(fields).success).toBe(false)
  })
})
