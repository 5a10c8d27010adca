/**
 * Shared Tailwind class lists, so that every button, field and card looks
 * alike without a component for each variant.
 */
export const ui = {
  primaryButton:
    'inline-flex items-center justify-center rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-teal-800 disabled:cursor-not-allowed disabled:opacity-60',
  secondaryButton:
    'inline-flex items-center justify-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-60',
  dangerButton:
    'inline-flex items-center justify-center rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60',
  smallButton:
    'inline-flex items-center justify-center rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm text-stone-800 hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-60',
  input:
    'block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 shadow-sm placeholder:text-stone-500 read-only:bg-stone-100',
  label: 'block text-sm font-medium text-stone-800',
  hint: 'mt-1 text-sm text-stone-600',
  card: 'rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6',
  link: 'font-medium text-teal-800 underline decoration-teal-800/40 underline-offset-2 hover:decoration-teal-800',
  pageTitle: 'text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl',
  sectionTitle: 'text-lg font-semibold text-stone-900',
  muted: 'text-sm text-stone-600',
} as const;
