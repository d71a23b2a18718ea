import type { RoleName } from '~/domain/accounts/permissions'
/**
 * Who is in a live room: a signed-in user, or a named guest of a public showcase. A guest carries
 * the network prefix it connected from (bans of guests also cover it for a while) and is `transient`
 * when its network was over the budget of new guest identities: it may watch, but it gets no chat
 * identity and is not counted as a viewer.
 */
export type RoomIdentity =
  | { kind: 'user'; userId: string; name: string; role: RoleName; companyId: string | null; locale: string }
  | { kind: 'guest'; guestKey: string; name: string; network?: string | null; transient?: boolean }

/** A stable key for presence lists and sanctions: "u:<id>" or "g:<key>". */
export function identityKey(identity: RoomIdentity): string {
  return identity.kind === 'user' ? `u:${identity.userId}` : `g:${identity.guestKey}`
}
