/** A full-width button that opens and closes a part of the panel (a thread, the withdrawn dissents): label left, arrow right. */
export const toggleButton =
  'flex w-full items-center justify-between gap-2 rounded-md border border-stone-300 bg-white px-2.5 py-1 text-left text-sm text-stone-800 hover:bg-stone-100';
