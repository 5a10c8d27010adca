import type { ReactNode } from 'react';

/** The toolbar's pictures; decorative, since every button carries its name in aria-label. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

function Letters({ text, italic = false, bold = false }: { text: string; italic?: boolean; bold?: boolean }) {
  return (
    <span aria-hidden="true" className={`inline-block min-w-[18px] text-center font-serif text-[15px] leading-none ${italic ? 'italic' : ''} ${bold ? 'font-bold' : 'font-semibold'}`}>
      {text}
    </span>
  );
}

/** Icons by toolbar action. */
export const ICONS = {
  bold: <Letters text="B" bold />,
  italic: <Letters text="I" italic />,
  heading1: <Letters text="H1" />,
  heading2: <Letters text="H2" />,
  heading3: <Letters text="H3" />,
  bulletList: (
    <Icon>
      <circle cx="4" cy="5" r="1" fill="currentColor" />
      <circle cx="4" cy="10" r="1" fill="currentColor" />
      <circle cx="4" cy="15" r="1" fill="currentColor" />
      <path d="M8 5h9M8 10h9M8 15h9" />
    </Icon>
  ),
  orderedList: (
    <Icon>
      <path d="M3 3.5h1.5V7M3 7h3M3 12.5c0-1 3-1 3 .2 0 1-3 1.8-3 3.3h3" strokeWidth="1.3" />
      <path d="M9 5h8M9 10h8M9 15h8" />
    </Icon>
  ),
  blockquote: (
    <Icon>
      <path d="M4 4v12M8 6h9M8 10h9M8 14h6" />
    </Icon>
  ),
  link: (
    <Icon>
      <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.8-2.8a3 3 0 0 0-4.2-4.2l-1 1" />
      <path d="M11.5 8.5a3 3 0 0 0-4.2 0l-2.8 2.8a3 3 0 0 0 4.2 4.2l1-1" />
    </Icon>
  ),
  undo: (
    <Icon>
      <path d="M7 5 3.5 8.5 7 12" />
      <path d="M4 8.5h8a4.5 4.5 0 0 1 0 9H9" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="m13 5 3.5 3.5L13 12" />
      <path d="M16 8.5H8a4.5 4.5 0 0 0 0 9h3" />
    </Icon>
  ),
} as const;
