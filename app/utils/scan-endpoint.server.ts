import { isDomainError } from '~/domain/errors'
import { ScanSchema, type ScanInput } from '~/domain/on-site/scan'

// The badge scan endpoints (check-in desk, booth) answer app/components/on-site/badge-scanner.tsx, which
// sends each scan at once or from its offline queue and reads the JSON the same way from both.

const noStore = { 'Cache-Control': 'no-store' }

/** A scan endpoint serves only POST. */
export function scanEndpointLoader() {
  return new Response(null, { status: 405, headers: { Allow: 'POST', ...noStore } })
}

/**
 * Parses one posted scan and records it: the outcome as JSON, or { state: 'invalid', scanId, reason } with
 * 400 for a malformed scan and the domain error's status for a scan that will never be recorded.
 */
export async function answerScan(formData: FormData, record: (scan: ScanInput) => Promise<unknown>): Promise<Response> {
  const parsed = ScanSchema.safeParse(Object.fromEntries(formData))
  const rawScanId = formData.get('scanId')
  const scanId = typeof rawScanId === 'string' ? rawScanId.slice(0, 64) : ''
  if (!parsed.success) return Response.json({ state: 'invalid', scanId, reason: 'onSite.errors.bad-scan' }, { status: 400, headers: noStore })
  try {
    return Response.json(await record(parsed.data), { headers: noStore })
  } catch (error) {
    if (!isDomainError(error)) throw error
    return Response.json({ state: 'invalid', scanId: parsed.data.scanId, reason: error.messageKey }, { status: error.status, headers: noStore })
  }
}
