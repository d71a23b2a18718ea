import { randomBytes } from 'node:crypto'
import { mkdir, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { type FileUpload, MaxFilesExceededError, MaxFileSizeExceededError, MultipartParseError, parseFormData } from '@mjackson/form-data-parser'
import { fileTypeFromBuffer } from 'file-type'
import { getEnv } from './env.server'
import { getLogger } from './logger.server'

// User uploads (company logos, product images) live on disk under UPLOAD_DIR and are served by
// server/app.ts at UPLOAD_URL_PREFIX. The database stores the public path, e.g. "/uploads/ab12….png".

export const UPLOAD_URL_PREFIX = '/uploads'

/** Absolute upload folder: UPLOAD_DIR from the environment, default data/uploads (relative to the cwd). */
export function getUploadDir(): string {
  return path.resolve(getEnv().UPLOAD_DIR)
}

export const MB = 1024 * 1024

/** Raster images only: SVG can carry scripts, so it is never accepted. */
export const RASTER_IMAGE_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
} as const
export type RasterMime = keyof typeof RASTER_IMAGE_TYPES

export type UploadProblem = 'tooLarge' | 'tooMany' | 'invalid'

/**
 * Parses a (possibly multipart) form with the given limits. Files are kept as in-memory `File`s (bounded
 * by maxFileSize × maxFiles) so nothing touches the disk before the CSRF token and the input are checked.
 */
export async function parseUploadForm(
  request: Request,
  { maxFileSize, maxFiles }: { maxFileSize: number; maxFiles: number },
): Promise<{ formData: FormData; problem?: undefined } | { formData?: undefined; problem: UploadProblem }> {
  try {
    const formData = await parseFormData(request, { maxFileSize, maxFiles }, (file: FileUpload) =>
      // An empty file input still sends a part; treat it as "no file".
      file.size === 0 && !file.name ? null : file,
    )
    return { formData }
  } catch (error) {
    if (error instanceof MaxFileSizeExceededError) return { problem: 'tooLarge' }
    if (error instanceof MaxFilesExceededError) return { problem: 'tooMany' }
    if (error instanceof MultipartParseError) return { problem: 'invalid' }
    throw error
  }
}

/** The files sent in one field, ignoring empty parts and plain strings. */
export function filesOf(formData: FormData, field: string): File[] {
  return formData.getAll(field).filter((value): value is File => typeof value !== 'string' && value.size > 0)
}

export type SniffedImage = { file: File; bytes: Uint8Array; mime: RasterMime; ext: string }

/**
 * Checks the real type from the bytes (the name and Content-Type are the client's claims) and the size.
 * Returns null when the file is not an allowed raster image or is too big.
 */
export async function sniffRasterImage(file: File, maxBytes: number): Promise<SniffedImage | null> {
  if (file.size > maxBytes) return null
  const bytes = new Uint8Array(await file.arrayBuffer())
  const detected = await fileTypeFromBuffer(bytes)
  if (!detected || !(detected.mime in RASTER_IMAGE_TYPES)) return null
  const mime = detected.mime as RasterMime
  return { file, bytes, mime, ext: RASTER_IMAGE_TYPES[mime] }
}

/** Writes the bytes under a random name and returns the public path. */
export async function storeImage(image: SniffedImage): Promise<string> {
  const dir = getUploadDir()
  await mkdir(dir, { recursive: true })
  const name = `${randomBytes(16).toString('hex')}.${image.ext}`
  await writeFile(path.join(dir, name), image.bytes, { flag: 'wx' })
  return `${UPLOAD_URL_PREFIX}/${name}`
}

/** Deletes a stored upload by its public path; other paths (e.g. seeded /demo/… images) are left alone. */
export async function deleteUpload(publicPath: string | null | undefined): Promise<void> {
  if (!publicPath?.startsWith(`${UPLOAD_URL_PREFIX}/`)) return
  const name = publicPath.slice(UPLOAD_URL_PREFIX.length + 1)
  if (!/^[a-f0-9]{32}\.(png|jpg|webp)$/.test(name)) return
  await unlink(path.join(getUploadDir(), name)).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') getLogger().warn({ err: error, publicPath }, 'could not delete upload')
  })
}

export async function deleteUploads(paths: ReadonlyArray<string | null | undefined>): Promise<void> {
  await Promise.all(paths.map((p) => deleteUpload(p)))
}

/** A conform-style failed result for a form whose upload could not even be parsed (the input is lost). */
export function uploadProblemResult(field: string, messageKey: string) {
  return { status: 'error' as const, error: { [field]: [messageKey] } }
}
