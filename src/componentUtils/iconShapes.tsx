import type { ReactElement } from 'react';

// The outline behind every "in a circle" shape; one element, since React elements are immutable.
const ring = <circle cx="8" cy="8" r="6.2" />;

/**
 * Every icon the kit draws, by shape name: 16×16 strokes in currentColor, so they take the
 * text colour (and its contrast) of what they sit in and need no icon font. Components map
 * their own vocabulary (status, toast kind, notification kind) onto these names.
 */
export const iconShapes = {
  star: <path d="M8 1.8l1.8 3.9 4.2.5-3.1 2.9.8 4.2L8 11.2l-3.7 2.1.8-4.2L2 6.2l4.2-.5z" />,
  play: <path d="M5 3.2v9.6L12.6 8z" />,
  plus: (
    <>
      {ring}
      <path d="M8 5v6M5 8h6" />
    </>
  ),
  check: <path d="M3 8.4l3.2 3.1L13 4.6" />,
  ban: (
    <>
      {ring}
      <path d="M3.6 12.4l8.8-8.8" />
    </>
  ),
  clock: (
    <>
      {ring}
      <path d="M8 4.5V8l2.4 1.6" />
    </>
  ),
  spinner: <path d="M14.2 8A6.2 6.2 0 1 1 8 1.8" />,
  bell: <path d="M4 11.5V7.3a4 4 0 0 1 8 0v4.2l1.3 1.2H2.7zM6.6 14.3h2.8" />,
  cross: <path d="M4 4l8 8M12 4l-8 8" />,
  hourglass: <path d="M4.5 1.8h7M4.5 14.2h7M5.5 1.8v1.6l5 9.2v1.6M10.5 1.8v1.6l-5 9.2v1.6" />,
  dot: <circle cx="8" cy="8" r="3" />,
  'check-circle': (
    <>
      {ring}
      <path d="M5 8.3l2 2 4-4.4" />
    </>
  ),
  'info-circle': (
    <>
      {ring}
      <path d="M8 7.2v4M8 4.8v.1" />
    </>
  ),
  'warning-triangle': <path d="M8 2.2l6 10.6H2zM8 6.6v3M8 11.3v.1" />,
  'cross-circle': (
    <>
      {ring}
      <path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4" />
    </>
  ),
  'calendar-check': <path d="M2.5 4h11v9.5h-11zM2.5 7h11M5.5 2.2V5M10.5 2.2V5M6 10.2l1.4 1.3 2.6-2.7" />,
  'speech-bubble': <path d="M2.5 3.5h11v7.5H7l-3 2.5V11H2.5z" />,
  wrench: <path d="M10.8 2.4a3 3 0 0 0-3.6 4L2.6 11a1.3 1.3 0 0 0 1.8 1.8L9 8.2a3 3 0 0 0 4-3.6l-1.7 1.7-1.6-.4-.4-1.6z" />,
  megaphone: <path d="M2.5 6.5v3h2l5 3v-9l-5 3zM11.5 6a2.5 2.5 0 0 1 0 4M5 9.5l.8 3.3" />,
  target: (
    <>
      {ring}
      <circle cx="8" cy="8" r="1.6" />
    </>
  ),
} satisfies Record<string, ReactElement>;

export type IconShape = keyof typeof iconShapes;

/** Shapes drawn solid: small closed forms that read better filled than as outlines at 1em. */
export const filledShapes: ReadonlySet<IconShape> = new Set<IconShape>(['star', 'play', 'dot']);
