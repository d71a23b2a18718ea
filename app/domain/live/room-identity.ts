/** Who is in a live room: a signed-in user, or a named guest of a public showcase. */
export type RoomIdentity =
  | { kind: 'user'; userId: string; name: string; role: 'EXPORTER' | 'BUYER' | 'ORGANIZER' | 'ADMIN'; companyId: string | null; locale: string }
  | { kind: 'guest'; guestKey: string; name: string }

/** A stable key for presence lists and sanctions: "u:<id>" or "g:<key>". */
export function identityKey(identity: RoomIdentity): string {
  return identity.kind === 'user' ? `u:${identity.userId}` : `g:${identity.guestKey}`
}
