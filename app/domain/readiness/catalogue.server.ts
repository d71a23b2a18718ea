import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { dayStart, isoDay } from '~/lib/time'
import { type MarketRequirement, MarketRequirementSchema, type RequirementCatalogueFile, RequirementCatalogueFileSchema } from './requirement-schema'

// The market requirements catalogue in the database: read as MarketRequirement values, seeded from the
// repository's file on a fresh start, edited by admins with every change recorded.

type Db = Prisma.TransactionClient | PrismaClient

/** The repository's catalogue file (versioned with the code; each rule with its source and the day it was checked). */
export const CATALOGUE_FILE = path.resolve('prisma/seed/data/market-requirements.json')

export async function readCatalogueFile(file = CATALOGUE_FILE): Promise<RequirementCatalogueFile> {
  return RequirementCatalogueFileSchema.parse(JSON.parse(await readFile(file, 'utf8')))
}

const requirementSelect = {
  code: true,
  market: true,
  kind: true,
  scope: true,
  documentTypes: true,
  hsPrefixes: true,
  exceptHsPrefixes: true,
  nameI18n: true,
  howToGetI18n: true,
  issuerTypes: true,
  leadTimeMinDays: true,
  leadTimeMaxDays: true,
  voucherEligible: true,
  sourceUrl: true,
  checkedOn: true,
} satisfies Prisma.MarketRequirementSelect

type RequirementRow = Prisma.MarketRequirementGetPayload<{ select: typeof requirementSelect }>

/** A row as the catalogue's own form; the schema re-checks it (rows are only ever written from parsed input). */
export function requirementFromRow(row: RequirementRow): MarketRequirement {
  return MarketRequirementSchema.parse({
    code: row.code,
    market: row.market,
    kind: row.kind,
    scope: row.scope,
    documentTypes: row.documentTypes,
    hs: row.hsPrefixes,
    exceptHs: row.exceptHsPrefixes,
    name: row.nameI18n,
    howToGet: row.howToGetI18n,
    issuerTypes: row.issuerTypes,
    leadTimeDays: { min: row.leadTimeMinDays, max: row.leadTimeMaxDays },
    voucherEligible: row.voucherEligible,
    sourceUrl: row.sourceUrl,
    checkedOn: row.checkedOn ? isoDay(row.checkedOn) : null,
  })
}

export function requirementData(requirement: MarketRequirement) {
  return {
    code: requirement.code,
    market: requirement.market,
    kind: requirement.kind,
    scope: requirement.scope,
    documentTypes: requirement.documentTypes,
    hsPrefixes: requirement.hs,
    exceptHsPrefixes: requirement.exceptHs,
    nameI18n: requirement.name,
    howToGetI18n: requirement.howToGet,
    issuerTypes: requirement.issuerTypes,
    leadTimeMinDays: requirement.leadTimeDays.min,
    leadTimeMaxDays: requirement.leadTimeDays.max,
    voucherEligible: requirement.voucherEligible,
    sourceUrl: requirement.sourceUrl,
    checkedOn: requirement.checkedOn ? dayStart(requirement.checkedOn) : null,
  } satisfies Prisma.MarketRequirementCreateInput
}

export async function loadCatalogue(db?: Db): Promise<MarketRequirement[]> {
  const client = db ?? (await getPrisma())
  const rows = await client.marketRequirement.findMany({ select: requirementSelect, orderBy: [{ market: 'asc' }, { code: 'asc' }] })
  return rows.map(requirementFromRow)
}

export async function findRequirement(code: string): Promise<MarketRequirement | null> {
  const prisma = await getPrisma()
  const row = await prisma.marketRequirement.findUnique({ where: { code }, select: requirementSelect })
  return row ? requirementFromRow(row) : null
}

/**
 * A database without a catalogue gets the repository's file (the rows, and one "seeded" audit entry per
 * requirement naming the file's version). A catalogue already there is the admins' and is left alone.
 */
export async function seedCatalogueIfEmpty(db: Db, file?: RequirementCatalogueFile): Promise<{ seeded: number; version: string | null }> {
  if ((await db.marketRequirement.count()) > 0) return { seeded: 0, version: null }
  const catalogue = file ?? (await readCatalogueFile())
  await db.marketRequirement.createMany({ data: catalogue.requirements.map(requirementData), skipDuplicates: true })
  await db.marketRequirementChange.createMany({
    data: catalogue.requirements.map((requirement) => ({
      code: requirement.code,
      action: 'seeded',
      after: requirement,
      actorName: `market-requirements.json ${catalogue.version}`,
    })),
  })
  return { seeded: catalogue.requirements.length, version: catalogue.version }
}
