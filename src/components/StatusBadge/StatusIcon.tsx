import type { ReactElement } from 'react';
import { Icon } from '../../componentUtils/Icon';
import type { StatusIconName } from './statusInfo';

export interface StatusIconProps {
  name: StatusIconName;
  className?: string | undefined;
}

/**
 * A status's shape. Status icon names are shape names of the kit's registry (the type
 * check keeps it so), so no map is needed. Decorative: the label next to it carries the meaning.
 */
export function StatusIcon({ name, className }: StatusIconProps): ReactElement {
  return <Icon shape={name} className={className} data-icon={name} />;
}
