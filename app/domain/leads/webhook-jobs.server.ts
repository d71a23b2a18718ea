// The CRM webhook's jobs (docs/leads.md), registered in app/domain/jobs/registry.server.ts:
//   leads.webhook-sweep    per company with an enabled webhook, every SWEEP_MINUTES: records a delivery for
//                          each new or re-scored lead (unique idempotency key: a second run adds nothing)
//   leads.webhook-deliver  per delivery attempt (key <deliveryId>:<attempt>): one signed POST; on failure the
//                          next attempt is scheduled after an exponential backoff (the handler's own, so
//                          the delivery table shows when), FAILED after MAX_DELIVERY_ATTEMPTS
// Both re-derive from the database at boot (reconcile): a lost Redis or a crash loses nothing.
import { z } from 'zod'
import { defineJob, scheduleJob } from '~/domain/jobs/jobs.server'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { deliverLeadWebhook, enabledWebhookCompanies, pendingDeliveries, sweepCompanyLeads } from './webhooks.server'

export const SWEEP_MINUTES = 5
const SWEEP_MS = SWEEP_MINUTES * 60 * 1000

const DeliverData = z.object({ deliveryId: z.string().regex(RECORD_ID_PATTERN) })
const SweepData = z.object({ companyId: z.string().regex(RECORD_ID_PATTERN) })

export const deliverLeadWebhookJob = defineJob({
  name: 'leads.webhook-deliver',
  data: DeliverData,
  // Retries are the handler's own (recorded per attempt); the queue's run is one attempt.
  attempts: 1,
  run: async ({ deliveryId }, { now }) => {
    const outcome = await deliverLeadWebhook(deliveryId, { now })
    if (outcome.state === 'retry' && outcome.nextAttemptAt && outcome.nextAttempt)
      await scheduleDelivery(deliveryId, outcome.nextAttemptAt, outcome.nextAttempt)
  },
  reconcile: async () => (await pendingDeliveries()).map((row) => ({ key: `${row.id}:${row.attempts + 1}`, runAt: row.runAt, data: { deliveryId: row.id } })),
})

/** One job per attempt (a job never replaces itself while it runs); reconcile uses the same keys. */
async function scheduleDelivery(deliveryId: string, runAt: Date, attempt: number) {
  await scheduleJob(deliverLeadWebhookJob, { key: `${deliveryId}:${attempt}`, runAt, data: { deliveryId } })
}

/** The sweep slot an instant falls in: the key of that slot's sweep (so a sweep never replaces itself). */
function sweepKey(companyId: string, runAt: Date) {
  return `${companyId}:${Math.floor(runAt.getTime() / SWEEP_MS)}`
}

export const sweepLeadWebhookJob = defineJob({
  name: 'leads.webhook-sweep',
  data: SweepData,
  attempts: 3,
  run: async ({ companyId }, { now }) => {
    for (const deliveryId of await sweepCompanyLeads(companyId, now)) await scheduleDelivery(deliveryId, now, 1)
    const next = new Date((Math.floor(now.getTime() / SWEEP_MS) + 1) * SWEEP_MS)
    if ((await enabledWebhookCompanies()).includes(companyId))
      await scheduleJob(sweepLeadWebhookJob, { key: sweepKey(companyId, next), runAt: next, data: { companyId } })
  },
  reconcile: async (now) => (await enabledWebhookCompanies()).map((companyId) => ({ key: sweepKey(companyId, now), runAt: now, data: { companyId } })),
})

/** After a webhook is set or turned on: sweep now (the sweep then keeps itself going). */
export async function startLeadSweep(companyId: string, now: Date): Promise<void> {
  await scheduleJob(sweepLeadWebhookJob, { key: sweepKey(companyId, now), runAt: now, data: { companyId } })
}
