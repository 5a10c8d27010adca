'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { initials, type PresentPerson } from '@/app/_lib/presence-people';

/**
 * Who has the text open: one initials avatar per person in their colour, the
 * name in a tooltip (hover) and for screen readers.
 */
export function PresenceList({ people }: { people: PresentPerson[] }) {
  const t = useTranslations('editor.presence');
  if (people.length === 0) return null;
  return (
    <ul aria-label={t('label')} className="flex flex-wrap items-center gap-1.5">
      {people.map((person) => {
        const name = person.isSelf ? t('you', { name: person.name }) : person.name;
        return (
          <li key={person.id} data-person={person.id} className="group relative">
            <span
              aria-hidden="true"
              title={name}
              style={{ backgroundColor: person.color }}
              className={`flex size-8 select-none items-center justify-center rounded-full text-xs font-semibold text-white ring-2 ${person.typing ? 'ring-teal-500' : 'ring-white'}`}
            >
              {initials(person.name)}
            </span>
            <span className="sr-only">{name}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** "Bob is typing…", naming the other people whose tabs changed the text in the last moments. */
export function TypingNotice({ people }: { people: PresentPerson[] }) {
  const t = useTranslations('editor.presence');
  const format = useFormatter();
  const typing = people.filter((person) => person.typing && !person.isSelf);
  return (
    <p className="min-h-5 text-sm text-stone-600" data-testid="typing-notice">
      {typing.length > 0 ? t('typing', { count: typing.length, names: format.list(typing.map((p) => p.name), { type: 'conjunction' }) }) : null}
    </p>
  );
}
