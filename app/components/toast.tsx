import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clsx } from 'clsx'

export function Toast({ toast }: { toast: { kind: 'success' | 'info' | 'error'; messageKey: string } }) {
  const { t } = useTranslation()
  const [visible, setVisible] = useState(true)
  useEffect(() => {
    const timer = setTimeout(() => setVisible(false), 6000)
    return () => clearTimeout(timer)
  }, [])
  if (!visible) return null
  return (
    <div
      role="status"
      className={clsx(
        'fixed bottom-4 right-4 z-50 max-w-sm rounded-lg px-4 py-3 text-sm shadow-lg',
        toast.kind === 'error' ? 'bg-red-700 text-white' : 'bg-slate-900 text-white',
      )}
    >
      {t(toast.messageKey)}
    </div>
  )
}
