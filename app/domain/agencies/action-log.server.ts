// The agency action log (ADR 026) as the agency's dashboard and the company's agencies page read it: the
// same fields, each page adding the other party (the company acted for, or the agency that acted).

export const ACTION_LOG_FIELDS = { id: true, action: true, targetType: true, targetId: true, actorName: true, createdAt: true } as const

type ActionLogRow = { id: string; action: string; targetType: string; targetId: string; actorName: string; createdAt: Date }

export function actionLogEntry(row: ActionLogRow) {
  return {
    id: row.id,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    actorName: row.actorName,
    createdAt: row.createdAt.toISOString(),
  }
}
