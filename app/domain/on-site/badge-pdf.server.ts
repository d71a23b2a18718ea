import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { formatDate } from '~/lib/time'
import type { BadgeView } from './badges.server'

// The printable badge (A6, one per page): fair, name, company, kind, the QR code as an image and the badge
// number under it. Names are set in Noto Sans CJK (Debian's fonts-noto-cjk, installed by scripts/lib.sh),
// which also has Latin and Cyrillic, so Korean, Chinese, Japanese, Russian and Mongolian names all render.
// The font file is looked up where Debian puts it, then through fontconfig; without one the PDF falls back
// to Helvetica (Latin only) rather than failing.

const CJK_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJKkr-Regular.otf',
]

/** The face inside the collection that suits the reader's language (Han glyph shapes differ by region). */
const FACE_BY_LOCALE: Record<string, string> = { ko: 'NotoSansCJKkr-Regular', 'zh-Hans': 'NotoSansCJKsc-Regular', ja: 'NotoSansCJKjp-Regular' }

let located: string | null | undefined

export function locateCjkFont(candidates = CJK_CANDIDATES): string | null {
  if (candidates === CJK_CANDIDATES && located !== undefined) return located
  let found = candidates.find((path) => existsSync(path)) ?? null
  if (!found) {
    try {
      const path = execFileSync('fc-match', ['-f', '%{file}', 'Noto Sans CJK KR'], { encoding: 'utf8', timeout: 2000 }).trim()
      if (path && /\.(ttc|otf|ttf)$/i.test(path) && /cjk/i.test(path) && existsSync(path)) found = path
    } catch {
      found = null
    }
  }
  if (candidates === CJK_CANDIDATES) located = found
  return found
}

export async function badgePdf(badge: BadgeView, locale: string): Promise<Buffer> {
  const { t } = createI18n(isSupportedLocale(locale) ? locale : 'en')
  // Whole pixels per module: resampled codes with uneven modules are harder for scanners to find.
  const qr = await QRCode.toBuffer(badge.token, { errorCorrectionLevel: 'M', margin: 4, scale: 12 })
  const doc = new PDFDocument({ size: 'A6', margin: 24, info: { Title: t('onSite.badge.pdfTitle', { name: badge.attendee.name, fair: badge.fair.name }) } })
  const font = locateCjkFont()
  if (font) {
    const face = font.endsWith('.ttc') ? (FACE_BY_LOCALE[locale] ?? 'NotoSansCJKkr-Regular') : undefined
    doc.registerFont('badge', font, face)
    doc.font('badge')
  } else {
    doc.font('Helvetica')
  }
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const width = doc.page.width - 48
  doc.fontSize(11).fillColor('#334155').text(badge.fair.name, { width, align: 'center' })
  doc.fontSize(8).text(formatDate(badge.fair.startsAt, { locale, timeZone: badge.fair.timeZone }), { width, align: 'center' })
  doc.moveDown(0.6)
  doc.fontSize(20).fillColor('#0f172a').text(badge.attendee.name, { width, align: 'center' })
  if (badge.attendee.company) doc.fontSize(12).fillColor('#334155').text(badge.attendee.company, { width, align: 'center' })
  doc.moveDown(0.3)
  doc
    .fontSize(10)
    .fillColor('#1d4ed8')
    .text(t(`onSite.kind.${badge.attendee.kind}`), { width, align: 'center' })
  const size = 150
  doc.image(qr, (doc.page.width - size) / 2, doc.y + 8, { width: size, height: size })
  doc.y += size + 14
  doc
    .fontSize(7)
    .fillColor('#475569')
    .text(t('onSite.badge.number', { number: badge.number }), 24, doc.y, { width, align: 'center' })
  doc.end()
  return done
}

/** The QR code as a PNG data URL for the on-screen badge. */
export function badgeQrDataUrl(token: string): Promise<string> {
  return QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 4, scale: 6 })
}
