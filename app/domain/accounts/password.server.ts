import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): strong, yet ~20 ms per hash on these machines.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    // A malformed stored hash must read as "wrong password", never as a crash.
    return false
  }
}
