import type { ReactNode } from 'react'
import { Form } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'

/**
 * A one-button POST form in a list or table row: the intent and the ids it acts on as hidden fields, any
 * fields the row needs before the button. Where the visible text does not name the object ("Remove"),
 * `label` does, for screen readers, as one page holds many such buttons.
 */
export function RowActionForm({
  intent,
  fields,
  text,
  label,
  variant = 'ghost',
  className,
  children,
}: {
  intent: string
  fields: Record<string, string>
  text: string
  label?: string
  variant?: 'primary' | 'ghost' | 'secondary'
  className?: string
  children?: ReactNode
}) {
  return (
    <Form method="post" className={className}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" variant={variant} className="min-h-8 px-2 py-1" aria-label={label}>
        {text}
      </Button>
    </Form>
  )
}
