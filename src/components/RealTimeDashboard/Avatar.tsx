import type { ReactElement } from 'react';
import type { ClassNameFn } from '../../componentUtils/classNames';

const tints = ['info', 'progress', 'success', 'warning'] as const;

/** Up to two letters from a name: "Alice Smith" → "AS", "bob.jones" → "BJ". */
export function initials(name: string): string {
  const words = name.trim().split(/[\s._@-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[1]!] : [words[0] ?? '?'];
  return letters.map((w) => [...w][0]!.toUpperCase()).join('').slice(0, 2) || '?';
}

// A stable tint per name, so the same person keeps the same colour across renders and sessions.
function tintOf(name: string): (typeof tints)[number] {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return tints[hash % tints.length]!;
}

export interface AvatarProps {
  name: string;
  cls: ClassNameFn;
}

/** Initials in a circle. Decorative: the name is always written next to it. */
export function Avatar({ name, cls }: AvatarProps): ReactElement {
  return (
    <span className={cls('rrk-dashboard__avatar')} data-tone={tintOf(name)} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
