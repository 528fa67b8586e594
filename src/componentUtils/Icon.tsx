import type { ReactElement } from 'react';
import { filledShapes, iconShapes, type IconShape } from './iconShapes';

export interface IconProps {
  /** Which shape from the kit's registry to draw. */
  shape: IconShape;
  /** @default none */
  className?: string | undefined;
  /** The caller's own name for the icon (a status or kind), for CSS and tests. @default none */
  'data-icon'?: string | undefined;
}

/**
 * The one SVG wrapper every kit icon shares. width/height="1em" scale it with the font size.
 * Decorative: every icon sits next to text that carries its meaning, so it is hidden from
 * assistive tech and kept out of the tab order (old Edge/IE focus SVGs otherwise).
 */
export function Icon({ shape, className, 'data-icon': dataIcon }: IconProps): ReactElement {
  return (
    <svg
      className={className}
      data-icon={dataIcon}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill={filledShapes.has(shape) ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {iconShapes[shape]}
    </svg>
  );
}
