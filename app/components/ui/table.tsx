import { clsx } from 'clsx'
import { useId, type ReactNode } from 'react'

export type TableColumn = {
  label: ReactNode
  /** Numbers and row actions line up on the right. */
  align?: 'end'
  /** Read by screen readers but not shown, for columns whose cells explain themselves (buttons, links). */
  hideLabel?: boolean
}

/** A table is named by a visually hidden caption, or by the id of a heading already on screen. */
type TableName = { caption: ReactNode; labelledBy?: never } | { labelledBy: string; caption?: never }

/**
 * A data table: named, column headers scoped, rows divided. On a narrow screen it scrolls sideways
 * inside a named region that keyboard users can focus to scroll, instead of widening the page.
 * Callers write the rows (`<tr>` of `Cell` and `RowHeader`); conditional columns may be `false`.
 */
export function Table({
  columns,
  children,
  testId,
  ...name
}: TableName & { columns: ReadonlyArray<TableColumn | false>; children: ReactNode; testId?: string }) {
  const captionId = useId()
  const labelId = name.labelledBy ?? captionId
  return (
    // relative: visually hidden headers (absolutely positioned) scroll with the table instead of widening the page.
    <div role="region" aria-labelledby={labelId} tabIndex={0} className="relative overflow-x-auto">
      <table className="w-full text-left text-sm" aria-labelledby={name.labelledBy} data-testid={testId}>
        {name.caption === undefined ? null : (
          <caption id={captionId} className="sr-only">
            {name.caption}
          </caption>
        )}
        <thead className="text-xs text-slate-500">
          <tr>
            {columns
              .filter((column) => column !== false)
              .map((column, index) => (
                <th key={index} scope="col" className={clsx('py-1 pr-3 font-medium last:pr-0', column.align === 'end' && 'text-right')}>
                  {column.hideLabel ? <span className="sr-only">{column.label}</span> : column.label}
                </th>
              ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  )
}

/** A data cell; `numeric` lines digits up (tabular figures) without changing the alignment. */
export function Cell({ align, numeric, className, children }: { align?: 'end'; numeric?: boolean; className?: string; children?: ReactNode }) {
  return <td className={clsx('py-2 pr-3 last:pr-0', align === 'end' && 'text-right', numeric && 'tabular-nums', className)}>{children}</td>
}

/** The cell that names its row (first column), announced with each of the row's cells. */
export function RowHeader({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <th scope="row" className={clsx('py-2 pr-3 font-normal last:pr-0', className)}>
      {children}
    </th>
  )
}
