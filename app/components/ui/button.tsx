import { clsx } from 'clsx'
import type { ButtonHTMLAttributes } from 'react'

const VARIANTS = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-500/60',
  secondary: 'bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-100',
  ghost: 'text-slate-700 hover:bg-slate-100',
  danger: 'bg-red-600 text-white hover:bg-red-700',
} as const

export function buttonClass(variant: keyof typeof VARIANTS = 'primary', extra?: string) {
  return clsx(
    // Touch screens get 44 px targets (WCAG 2.5.5), whatever size a caller asks for.
    'inline-flex min-h-10 pointer-coarse:min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed',
    VARIANTS[variant],
    extra,
  )
}

export function Button({ variant = 'primary', className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return <button className={buttonClass(variant, className)} {...props} />
}
