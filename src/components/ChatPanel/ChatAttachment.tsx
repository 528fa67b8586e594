import type { ReactElement } from 'react';
import { sanitizeUrl } from '../../validation/sanitizeUrl';
import { classNames } from '../../componentUtils/classNames';
import { describeAttachment } from './chatText';

export interface ChatAttachmentProps {
  /** The attachment URL as received: from another user, so untrusted. */
  url: string;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
}

/**
 * An attachment: images by extension as `<img>`, anything else as a link opening a new tab.
 * The dialect sanitises URLs already; this sanitises again at render (defence in depth), so
 * a `javascript:` or `data:` URL that reached the store some other way never becomes an
 * `href` or `src` — it shows as plain text saying it was blocked.
 */
export function ChatAttachment({ url, unstyled = false }: ChatAttachmentProps): ReactElement {
  const cls = classNames(unstyled);
  const safe = sanitizeUrl(url);
  if (!safe) {
    return (
      <p className={cls('rrk-chat__attachment')} data-attachment="blocked">
        Attachment blocked: the link is not a web address.
      </p>
    );
  }
  const info = describeAttachment(safe);
  return (
    <p className={cls('rrk-chat__attachment')} data-attachment={info.image ? 'image' : 'link'}>
      {info.image ? (
        <a href={info.href} target="_blank" rel="noopener noreferrer" className={cls('rrk-chat__image-link')}>
          <img src={info.href} alt={`Attachment: ${info.name}`} loading="lazy" className={cls('rrk-chat__image')} />
          <span className={cls('rrk-visually-hidden')}> (opens in a new tab)</span>
        </a>
      ) : (
        <a href={info.href} target="_blank" rel="noopener noreferrer" className={cls('rrk-chat__link')}>
          {info.name}
          <span className={cls('rrk-visually-hidden')}> (opens in a new tab)</span>
        </a>
      )}
    </p>
  );
}
