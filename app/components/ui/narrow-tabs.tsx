import { clsx } from 'clsx'
import { useId, useRef, useState, useSyncExternalStore } from 'react'

/** Below Tailwind's `lg` breakpoint (64rem) the panels turn into tabs. */
const NARROW_QUERY = '(width < 64rem)'

function subscribe(onChange: () => void) {
  const query = window.matchMedia(NARROW_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/**
 * Whether the screen is narrow enough for tabs. The server (and hydration) assume a wide screen; the CSS
 * already lays the page out for a phone from the first paint, this only switches the ARIA roles on.
 */
function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  )
}

export type NarrowTab = {
  id: string
  label: React.ReactNode
  content: React.ReactNode
  /** Where the panel sits in the wide layout (grid placement classes of the container). */
  wideClassName?: string
}

/**
 * Panels side by side on a wide screen and as tabs on a phone (below `lg`): the tab list is hidden on wide
 * screens and every panel shows; on a narrow one only the selected panel shows. WAI-ARIA tabs with automatic
 * activation: arrow keys, Home and End move between tabs, Tab moves into the panel.
 */
export function NarrowTabs({
  label,
  tabs,
  className,
  tabListClassName,
  children,
}: {
  /** Accessible name of the tab list. */
  label: string
  tabs: readonly NarrowTab[]
  /** The container: its wide-screen grid. */
  className?: string
  tabListClassName?: string
  /** Content before the tab list (in the same container, so wide-screen grids can place it). */
  children?: React.ReactNode
}) {
  const baseId = useId()
  const narrow = useNarrowScreen()
  const [selected, setSelected] = useState(tabs[0]?.id)
  const tabRefs = useRef(new Map<string, HTMLButtonElement>())
  const tabId = (id: string) => `${baseId}-tab-${id}`
  const panelId = (id: string) => `${baseId}-panel-${id}`

  function select(index: number) {
    const tab = tabs[(index + tabs.length) % tabs.length]
    if (!tab) return
    setSelected(tab.id)
    tabRefs.current.get(tab.id)?.focus()
  }

  function onKeyDown(event: React.KeyboardEvent, index: number) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    select(next)
  }

  return (
    <div className={className}>
      {children}
      <div role="tablist" aria-label={label} className={clsx('flex gap-1 border-b border-slate-200 lg:hidden', tabListClassName)}>
        {tabs.map((tab, index) => {
          const isSelected = tab.id === selected
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) tabRefs.current.set(tab.id, element)
                else tabRefs.current.delete(tab.id)
              }}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              aria-selected={isSelected}
              aria-controls={panelId(tab.id)}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => setSelected(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={clsx(
                '-mb-px min-h-11 flex-1 border-b-2 px-3 py-2 text-sm font-semibold',
                isSelected ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900',
              )}
            >
              {tab.label}
            </button>
          )
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          id={panelId(tab.id)}
          role={narrow ? 'tabpanel' : undefined}
          aria-labelledby={narrow ? tabId(tab.id) : undefined}
          // A tab panel is focusable (WAI-ARIA tabs: its content may have nothing focusable, e.g. no products yet).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the role is tabpanel whenever tabIndex is set
          tabIndex={narrow ? 0 : undefined}
          className={clsx('min-w-0', tab.wideClassName, tab.id !== selected && 'max-lg:hidden')}
        >
          {tab.content}
        </div>
      ))}
    </div>
  )
}
