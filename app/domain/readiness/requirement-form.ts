import { z } from 'zod'
import { HsPrefixSchema, type MarketRequirement, MarketRequirementSchema } from './requirement-schema'

// The admin editor's form of a market requirement (client-safe: the browser validates with it too). The
// fields are MarketRequirementSchema's own, except that lists are typed as comma-separated text and the
// "checked" date is a checkbox (today) instead of a date anyone could backdate. The server turns the
// form's value into a MarketRequirement and parses it with MarketRequirementSchema again.

const shape = MarketRequirementSchema.shape

/** "0901, 2101 ,21" → ["0901", "2101", "21"]; spaces count as separators too. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean)
}

/** HS prefixes typed as text, each checked like the catalogue's. */
const hsList = ({ min, max }: { min: number; max: number }) =>
  z
    .string()
    .max(4000)
    .optional()
    .transform(splitList)
    .pipe(z.array(HsPrefixSchema).min(min, 'readinessAdmin.errors.listRequired').max(max, 'readinessAdmin.errors.listTooLong'))

export const RequirementFormSchema = z
  .object({
    code: z.string().trim().toUpperCase().pipe(shape.code),
    market: z.string({ error: 'readiness.errors.market' }).trim().toUpperCase().pipe(shape.market),
    kind: shape.kind,
    scope: shape.scope,
    documentTypes: z
      .string()
      .max(400)
      .optional()
      .transform((value) => splitList(value).map((type) => type.toUpperCase()))
      .pipe(shape.documentTypes),
    hs: hsList({ min: 1, max: 200 }),
    exceptHs: hsList({ min: 0, max: 200 }),
    name: shape.name,
    howToGet: shape.howToGet,
    issuerTypes: z.array(shape.issuerTypes.element, { error: 'readinessAdmin.errors.issuerTypes' }).min(1, 'readinessAdmin.errors.issuerTypes').max(4),
    leadTimeDays: shape.leadTimeDays,
    voucherEligible: z.boolean().optional(),
    sourceUrl: z
      .string({ error: 'readinessAdmin.errors.sourceUrl' })
      .trim()
      .pipe(z.url({ protocol: /^https$/, error: 'readinessAdmin.errors.sourceUrl' }).max(500)),
    /** "I read the source today": sets checkedOn to today; unticked keeps the date it had. */
    markChecked: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    // MarketRequirementSchema's own rule, here so it shows on the field: an exemption carves out of an included prefix.
    for (const prefix of value.exceptHs) {
      if (!value.hs.some((included) => prefix.startsWith(included) && prefix.length > included.length)) {
        ctx.addIssue({ code: 'custom', path: ['exceptHs'], message: 'readiness.errors.exceptOutside' })
        return
      }
    }
  })

export type RequirementFormValue = z.infer<typeof RequirementFormSchema>

/** The form's value as a requirement: checkedOn is today when ticked, else what it was (null for a new one). */
export function requirementFromForm(value: RequirementFormValue, { previousCheckedOn, today }: { previousCheckedOn: string | null; today: string }) {
  const { markChecked, voucherEligible, ...rest } = value
  return MarketRequirementSchema.parse({ ...rest, voucherEligible: voucherEligible ?? false, checkedOn: markChecked ? today : previousCheckedOn })
}

/** A requirement as the form's default values (lists joined back into text). */
export function formDefaults(requirement: MarketRequirement) {
  return {
    code: requirement.code,
    market: requirement.market,
    kind: requirement.kind,
    scope: requirement.scope,
    documentTypes: requirement.documentTypes.join(', '),
    hs: requirement.hs.join(', '),
    exceptHs: requirement.exceptHs.join(', '),
    name: requirement.name,
    howToGet: requirement.howToGet,
    issuerTypes: requirement.issuerTypes,
    leadTimeDays: { min: String(requirement.leadTimeDays.min), max: String(requirement.leadTimeDays.max) },
    voucherEligible: requirement.voucherEligible ? 'on' : '',
    sourceUrl: requirement.sourceUrl,
  }
}
