// Modules the Vite build makes (see the plugin that serves each).

/** tools/time-zone-data.ts: FormatJS's time zone data for the years the platform shows; registers itself with the polyfill. */
declare module 'virtual:formatjs-time-zones' {}
