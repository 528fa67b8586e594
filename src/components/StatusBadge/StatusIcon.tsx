import type { ReactElement } from 'react';
import type { StatusIconName } from './statusInfo';

// 16×16 strokes in currentColor: they take the badge's text colour (and its contrast),
// need no icon font, and scale with the font size through width/height="1em".
const shapes: Record<StatusIconName, ReactElement> = {
  star: <path d="M8 1.8l1.8 3.9 4.2.5-3.1 2.9.8 4.2L8 11.2l-3.7 2.1.8-4.2L2 6.2l4.2-.5z" />,
  play: <path d="M5 3.2v9.6L12.6 8z" />,
  plus: (
    <>
      <circle cx="8" cy="8" r="6.2" />
      <path d="M8 5v6M5 8h6" />
    </>
  ),
  check: <path d="M3 8.4l3.2 3.1L13 4.6" />,
  ban: (
    <>
      <circle cx="8" cy="8" r="6.2" />
      <path d="M3.6 12.4l8.8-8.8" />
    </>
  ),
  clock: (
    <>
      <circle cx="8" cy="8" r="6.2" />
      <path d="M8 4.5V8l2.4 1.6" />
    </>
  ),
  spinner: <path d="M14.2 8A6.2 6.2 0 1 1 8 1.8" />,
  bell: <path d="M4 11.5V7.3a4 4 0 0 1 8 0v4.2l1.3 1.2H2.7zM6.6 14.3h2.8" />,
  cross: <path d="M4 4l8 8M12 4l-8 8" />,
  hourglass: <path d="M4.5 1.8h7M4.5 14.2h7M5.5 1.8v1.6l5 9.2v1.6M10.5 1.8v1.6l-5 9.2v1.6" />,
  dot: <circle cx="8" cy="8" r="3" />,
};

export interface StatusIconProps {
  name: StatusIconName;
  className?: string | undefined;
}

/** Decorative: the label next to it carries the meaning, so it is hidden from assistive tech. */
export function StatusIcon({ name, className }: StatusIconProps): ReactElement {
  return (
    <svg
      className={className}
      data-icon={name}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill={name === 'star' || name === 'play' || name === 'dot' ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shapes[name]}
    </svg>
  );
}
