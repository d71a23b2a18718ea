import { identityKey, type RoomIdentity } from './room-identity'

/**
 * The one definition of the audience figure the viewer page and the studio show ("N watching", in the
 * header and in the chat alike): the people in the showcase's room now, each counted once however
 * many tabs they have open, without the hosting company's team (they present, they do not watch) and
 * without guests admitted watch-only over their network's budget of new guests (issue 13, item 8).
 */
export function countAudience(present: Iterable<RoomIdentity>, hostCompanyId: string): number {
  const people = new Set<string>()
  for (const identity of present) {
    if (identity.kind === 'user' && identity.companyId === hostCompanyId) continue
    if (identity.kind === 'guest' && identity.transient) continue
    people.add(identityKey(identity))
  }
  return people.size
}
