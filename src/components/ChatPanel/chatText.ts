import type { ChatMessage } from '../../backends/chat/types';
import type { StatusIconName } from '../StatusBadge/statusInfo';

/** Text and icon for an own message's delivery state; `null` for received messages. */
export function messageStateInfo(state: ChatMessage['state']): { text: string; icon: StatusIconName; ticks?: 1 | 2 } | null {
  switch (state) {
    case 'queued':
      return { text: 'Waiting for connection', icon: 'clock' };
    case 'sending':
      return { text: 'Sending…', icon: 'spinner' };
    case 'sent':
      return { text: 'Sent', icon: 'check', ticks: 1 };
    case 'delivered':
      return { text: 'Delivered', icon: 'check', ticks: 1 };
    case 'read':
      return { text: 'Read', icon: 'check', ticks: 2 };
    case 'failed':
      return { text: 'Not sent', icon: 'cross' };
    default:
      return null;
  }
}

/** Shown under the input while the socket is not open: messages still queue. */
export const OFFLINE_HINT = 'Offline — messages will be sent when the connection is back';

/** Shown under the input once the connection gave up (`failed`), next to "Try again". */
export const FAILED_HINT = 'Could not connect to the chat — messages will be sent once it connects';

/** "Sam is typing…": the typer's name as the server gave it, else the peer's, else a neutral word. */
export function typingText(name: string | null | undefined): string {
  return `${name || 'The other person'} is typing…`;
}

/** Shown in an empty, connected conversation. */
export const EMPTY_TEXT = 'No messages yet — say hello';

const IMAGE = /\.(png|jpe?g|gif|webp|avif|bmp|svg)$/i;

export interface AttachmentInfo {
  /** A sanitised URL: http(s) or relative. */
  href: string;
  /** The file name, for link text and alt text. */
  name: string;
  /** Judged by extension: shown as `<img>`. */
  image: boolean;
}

/** Name and kind of an already-sanitised attachment URL. */
export function describeAttachment(href: string): AttachmentInfo {
  const path = href.split(/[?#]/, 1)[0] ?? '';
  const last = path.split('/').filter(Boolean).pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A malformed escape: keep the raw segment rather than fail the whole message.
  }
  return { href, name: name || 'attachment', image: IMAGE.test(path) };
}
