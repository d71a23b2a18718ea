import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { MAX_PRODUCT_IMAGES } from '../app/domain/catalog/product-schema.ts'
import { createI18n } from '../app/lib/i18n.ts'
import { guestLocale } from '../app/utils/preferences.server.ts'
import { MB } from '../app/utils/uploads.server.ts'

// Request bodies reach React Router as a stream it reads whole (request.formData()), so a size limit
// has to sit in front of it: by the declared Content-Length, and by counting the bytes of a chunked
// body as they arrive.

/** Forms, JSON and everything else. */
export const FORM_BODY_LIMIT = 1 * MB
/** Multipart uploads: the largest is a product's MAX_PRODUCT_IMAGES images of 5 MB each, plus fields. */
export const UPLOAD_BODY_LIMIT = MAX_PRODUCT_IMAGES * 5 * MB + 1 * MB

// The pages whose actions take files (company logo, product images, fair banner); `.data` is React
// Router's data request for the same action. The routes cap each file again while parsing.
const UPLOAD_PAGES = [/^\/exporter\/company(\.data)?$/, /^\/exporter\/products\/[^/]+(\.data)?$/, /^\/organizer\/fairs\/[^/]+(\.data)?$/]

export function bodyLimitFor(method: string, path: string, contentType: string | undefined): number {
  const multipart = /^multipart\/form-data\b/i.test(contentType ?? '')
  if (method === 'POST' && multipart && UPLOAD_PAGES.some((page) => page.test(path))) return UPLOAD_BODY_LIMIT
  return FORM_BODY_LIMIT
}

function tooLarge(req: Request, res: Response): void {
  if (res.headersSent) return
  res.once('finish', () => req.destroy())
  // What the person sees after a browser form post (no app page: the request never reached it), in their language.
  void guestLocale(req.get('cookie') ?? null, req.get('accept-language') ?? null).then((locale) => {
    if (res.headersSent) return
    // Close the connection: the rest of the body is not worth reading.
    res.set('Connection', 'close').status(413).type('text/plain; charset=utf-8').send(createI18n(locale).t('errors.tooLarge'))
  })
}

/**
 * Wraps the handler that reads the body (React Router's): 413 before it runs when Content-Length is
 * over the limit; otherwise counts the bytes as they stream and answers 413 once they pass the limit.
 * The counter is attached right before the handler starts reading, in the same tick, so it sees every
 * chunk the handler sees.
 */
export function limitRequestBody(handler: RequestHandler): RequestHandler {
  return (req, res, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') return handler(req, res, next)
    const limit = bodyLimitFor(req.method, req.path, req.get('content-type'))
    const declared = Number(req.get('content-length') ?? Number.NaN)
    if (Number.isFinite(declared) && declared > limit) {
      tooLarge(req, res)
      return
    }
    let received = 0
    const count = (chunk: Buffer) => {
      received += chunk.length
      if (received > limit) {
        req.off('data', count)
        tooLarge(req, res)
      }
    }
    req.on('data', count)
    return handler(req, res, next)
  }
}
