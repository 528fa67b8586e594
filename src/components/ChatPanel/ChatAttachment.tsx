import { useContext, type ReactElement } from 'react';
import { RealtimeContext } from '../../hooks/RealtimeContext';
import { foreignHost, resolveUrl } from '../../validation/sanitizeUrl';
import { classNames } from '../../componentUtils/classNames';
import { describeAttachment } from './chatText';

export interface ChatAttachmentProps {
  /** The attachment URL as received: from another user, so untrusted. */
  url: string;
  /**
   * Where a relative URL (`/media/a.png`) points: the server that sent it.
   * @default the `apiUrl` of the nearest `<RealtimeProvider>`'s client (relative to the page without one)
   */
  base?: string | null | undefined;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
}

/**
 * An attachment: images by extension as `<img>`, anything else as a link opening a new tab.
 * The dialect sanitises URLs already; this sanitises again at render (defence in depth), so
 * a `javascript:` or `data:` URL that reached the store some other way never becomes an
 * `href` or `src` — it shows as plain text saying it was blocked. A relative URL is resolved
 * against the API server (`base`, by default the client's `apiUrl`), where the file lives.
 */
export function ChatAttachment({ url, base, unstyled = false }: ChatAttachmentProps): ReactElement {
  const cls = classNames(unstyled);
  const client = useContext(RealtimeContext);
  const home = base === undefined ? client?.restConfig.apiUrl : base;
  const safe = resolveUrl(url, home);
  if (!safe) {
    return (
      <p className={cls('rrk-chat__attachment')} data-attachment="blocked">
        Attachment blocked: the link is not a safe web address.
      </p>
    );
  }
  const info = describeAttachment(safe);
  // A file from another site says so, with that site's real name (the link policy in sanitizeUrl).
  const host = foreignHost(safe, home);
  const from = host ? ` — ${host}` : '';
  return (
    <p className={cls('rrk-chat__attachment')} data-attachment={info.image ? 'image' : 'link'}>
      {info.image ? (
        <>
          <a href={info.href} target="_blank" rel="noopener noreferrer" className={cls('rrk-chat__image-link')}>
            <img src={info.href} alt={host ? `Attachment: ${info.name} from ${host}` : `Attachment: ${info.name}`} loading="lazy" className={cls('rrk-chat__image')} />
            <span className={cls('rrk-visually-hidden')}> (opens in a new tab)</span>
          </a>
          {from ? <span className={cls('rrk-chat__host')}>{from}</span> : null}
        </>
      ) : (
        <a href={info.href} target="_blank" rel="noopener noreferrer" className={cls('rrk-chat__link')}>
          {info.name}
          {from}
          <span className={cls('rrk-visually-hidden')}> (opens in a new tab)</span>
        </a>
      )}
    </p>
  );
}
