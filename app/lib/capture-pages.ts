// The only pages that use the camera, microphone or screen capture: the exporter's studio, the
// meeting room and the on-site badge scanners (the fair's check-in desk, an exhibitor's booth). Documents loaded at these paths get Permissions-Policy camera/microphone/display-capture
// for our origin; every other document gets none (server/security.ts), so the root's client middleware
// loads these pages as full documents instead of navigating to them inside a document without them.
const CAPTURE_PAGES = [
  /^\/studio\/[^/]+\/?$/,
  /^\/meetings\/[^/]+\/room\/?$/,
  // A trade-officer consultation's room (docs/consultations.md).
  /^\/consultations\/[^/]+\/room\/?$/,
  /^\/organizer\/fairs\/[^/]+\/check-in\/?$/,
  /^\/exporter\/fairs\/[^/]+\/booth-scan\/?$/,
]

export function usesCaptureDevices(pathname: string): boolean {
  return CAPTURE_PAGES.some((page) => page.test(pathname))
}
