// The form controls and buttons every page uses, styled once. No hooks, no 'use client': server
// and client components alike render them; each passes every other prop through to the element.
import type { ComponentProps } from 'react';

/** A text field's or a select's look, for the rare control that is not one of these components. */
export const FIELD = 'rounded border border-rule bg-white px-2 py-1.5';
const BUTTON = {
  primary: 'rounded bg-accent px-3 py-1.5 text-white',
  secondary: 'rounded border border-rule bg-white px-3 py-1.5',
} as const;

/** Class names joined, the falsy ones left out. */
export const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cx(FIELD, className)} {...props} />;
}

/** A select never wider than its column: its longest option (a source's title) would widen the page on a phone. */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cx(FIELD, 'min-w-0 max-w-full', className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cx(FIELD, className)} {...props} />;
}

/** A button's classes, for a link that looks like one. */
export const buttonClass = (variant: keyof typeof BUTTON = 'primary', className?: string) =>
  cx(BUTTON[variant], className);

export function Button({
  variant = 'primary',
  className,
  type = 'button',
  ...props
}: ComponentProps<'button'> & { variant?: keyof typeof BUTTON }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
