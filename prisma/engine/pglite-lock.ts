// PGlite is single-process: two instances on one data folder corrupt it. A sibling lock file
// (`<dataDir>.lock`, holding the owner's pid) turns that into a wait or a clear error, e.g. when
// `prisma migrate dev` runs while the app server holds the folder, or when the CLI starts the
// next engine process while the previous one is still closing the folder.
import { readFileSync, unlinkSync } from 'node:fs'
import { open, readFile, unlink } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'

/** Whether a process with this pid runs (EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function tryCreate(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx')
    await handle.writeFile(String(process.pid))
    await handle.close()
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

async function ownerOf(lockPath: string): Promise<number | undefined> {
  const text = await readFile(lockPath, 'utf8').catch(() => '')
  const pid = Number.parseInt(text, 10)
  return Number.isInteger(pid) && pid > 0 ? pid : undefined
}

/** Takes the lock for dataDir, waiting up to waitMs for another live process to let go. */
export async function lockDataDir(dataDir: string, waitMs: number): Promise<() => Promise<void>> {
  const lockPath = `${dataDir}.lock`
  const deadline = Date.now() + waitMs
  for (;;) {
    if (await tryCreate(lockPath)) break
    const owner = await ownerOf(lockPath)
    if (owner === undefined || (owner !== process.pid && !isAlive(owner))) {
      await unlink(lockPath).catch(() => {
        // Stale: its owner died without releasing it (and another process may have removed it first).
      })
      continue
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `PGlite data folder ${dataDir} is in use by process ${owner} (lock ${lockPath}). ` +
          'PGlite is single-process: stop that process (e.g. the dev server) and retry.',
      )
    }
    await sleep(50)
  }
  // Released on close; the exit hook covers a process that exits without closing.
  const releaseOnExit = () => {
    if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath)
  }
  const safeRelease = () => {
    try {
      releaseOnExit()
    } catch {
      // already gone
    }
  }
  process.once('exit', safeRelease)
  return () => {
    process.off('exit', safeRelease)
    safeRelease()
    return Promise.resolve()
  }
}
