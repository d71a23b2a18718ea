// Every job kind, imported for its defineJob() side effect so the runner (server/jobs.ts) knows it.
// One line per module that defines jobs.
import '~/domain/meetings/attendance-jobs.server'
import '~/domain/engagement/reminders.server'
import '~/domain/leads/webhook-jobs.server'
import '~/domain/studio/bookings.server'
import '~/domain/consultations/jobs.server'
import '~/domain/notifications/email.server'
export {}
