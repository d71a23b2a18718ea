import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { buttonClass } from '~/components/ui/button'
import { embedIframeHtml } from '~/domain/live/oembed'
import { EMBED_SCRIPT_PATH } from '~/lib/embed-paths'

/**
 * The copyable snippets that put a showcase's player on the exporter's own site: an <iframe>, or the
 * <tradecast-player> web component (public/embed.js). Only the sites on the company profile may frame it.
 */
export function EmbedSnippet({ origin, sessionId, title }: { origin: string; sessionId: string; title: string }) {
  const { t } = useTranslation()
  const iframe = embedIframeHtml({ origin, sessionId, title, width: 640, height: 360 })
  const script = `<script src="${origin}${EMBED_SCRIPT_PATH}" async></script>\n<tradecast-player session="${sessionId}"></tradecast-player>`
  return (
    <details className="basis-full text-sm" data-testid={`embed-snippet-${sessionId}`}>
      <summary className="cursor-pointer font-medium text-brand-700">{t('embed.snippet.title')}</summary>
      <div className="mt-2 space-y-3">
        <p className="text-slate-600">
          {t('embed.snippet.intro')}{' '}
          <Link to="/exporter/company#embed" className="text-brand-700 underline">
            {t('embed.snippet.profileLink')}
          </Link>
        </p>
        <CopyableCode label={t('embed.snippet.iframe')} code={iframe} />
        <CopyableCode label={t('embed.snippet.script')} code={script} />
      </div>
    </details>
  )
}

function CopyableCode({ label, code }: { label: string; code: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [copied, setCopied] = useState(false)
  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="font-medium text-slate-800">
          {label}
        </label>
        <button
          type="button"
          className={buttonClass('secondary', 'min-h-8 px-3 py-1 text-xs')}
          onClick={() =>
            void navigator.clipboard.writeText(code).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('embed.snippet.copied') : t('embed.snippet.copy')}
        </button>
      </div>
      <textarea
        id={id}
        readOnly
        rows={3}
        value={code}
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
      />
    </div>
  )
}
