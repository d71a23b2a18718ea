import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { createRequirement } from '~/domain/readiness/requirement-fixtures'
import { certificationServerSchema, listCertifications, saveCertification } from './certifications.server'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('certificate types on save', () => {
  it('accepts a type the catalogue names, and a certificate’s own type after the catalogue dropped it, but no other unknown type', async () => {
    const prisma = await getPrisma()
    const tag = randomUUID().slice(0, 6).toUpperCase()
    const requirement = await createRequirement({ market: 'BR', scope: 'company', documentTypes: [`REG-${tag}`], hs: ['6605'] })
    const { company } = await createExporter()
    const other = await createExporter()
    const form = (type: string, certificationId?: string) => ({
      intent: 'save',
      type,
      market: 'BR',
      number: 'N-1',
      ...(certificationId ? { certificationId } : {}),
    })
    const typeError = async (companyId: string, input: object) => {
      const result = await certificationServerSchema(companyId, (input as { certificationId?: string }).certificationId).safeParseAsync(input)
      return result.success ? null : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    }

    expect(await typeError(company.id, form(`REG-${tag}`))).toBeNull()
    const saved = await saveCertification(company.id, { intent: 'save', type: `REG-${tag}`, market: 'BR', number: 'N-1', validUntil: '2031-01-01' })

    // An admin removes the document type from the catalogue.
    await prisma.marketRequirement.delete({ where: { code: requirement.code } })

    // A new certificate of that type is refused; the existing one can be re-saved with its own type.
    expect(await typeError(company.id, form(`REG-${tag}`))).toEqual(['type: errors.invalidChoice'])
    expect(await typeError(company.id, form(`REG-${tag}`, saved.id))).toBeNull()
    const value = await certificationServerSchema(company.id, saved.id).parseAsync({ ...form(`REG-${tag}`, saved.id), number: 'N-2', validUntil: '2032-01-01' })
    await saveCertification(company.id, value)
    expect((await listCertifications(company.id, new Date())).map(({ type, number, validUntil }) => ({ type, number, validUntil }))).toEqual([
      { type: `REG-${tag}`, number: 'N-2', validUntil: '2032-01-01' },
    ])

    // Not a way round the list: another unknown type on the same certificate, or the type via another company's certificate.
    expect(await typeError(company.id, form(`OLD-${tag}`, saved.id))).toEqual(['type: errors.invalidChoice'])
    expect(await typeError(other.company.id, form(`REG-${tag}`, saved.id))).toEqual(['type: errors.invalidChoice'])
  })
})
