// The GTI region's languages and English (BCP 47). Chinese is Simplified script (`zh-Hans`), as read in the PRC.
// Kept here so message files can be typed by locale; app/lib/i18n.ts re-exports it.
export const SUPPORTED_LOCALES = ['en', 'ko', 'zh-Hans', 'ja', 'ru', 'mn'] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]
