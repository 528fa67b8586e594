import { useId, useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import { classNames } from '../../componentUtils/classNames';

export interface ChatComposerProps {
  onSend(text: string): void;
  /** This user is typing (`true` on input with text) or stopped (`false` when emptied or on blur). @default none */
  onTyping?: ((active: boolean) => void) | undefined;
  /** Accessible name of the input. */
  label: string;
  disabled?: boolean | undefined;
  placeholder?: string | undefined;
  /** Id of the text that describes the input (the offline hint). */
  describedBy?: string | undefined;
  unstyled?: boolean | undefined;
}

/**
 * A textarea and Send button: Enter sends, Shift+Enter adds a line, blank text is not sendable.
 * Typing is reported through `onTyping` (the hook throttles it; sending withdraws it).
 */
export function ChatComposer({ onSend, onTyping, label, disabled = false, placeholder, describedBy, unstyled = false }: ChatComposerProps): ReactElement {
  const cls = classNames(unstyled);
  const id = useId();
  const [text, setText] = useState('');
  const sendable = !disabled && text.trim() !== '';

  const send = (): void => {
    if (!sendable) return;
    onSend(text.trim());
    setText('');
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    // Enter while an IME is composing confirms the composition; it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  return (
    <form className={cls('rrk-chat__composer')} onSubmit={onSubmit}>
      <label htmlFor={id} className={cls('rrk-visually-hidden')}>
        {label}
      </label>
      <textarea
        id={id}
        className={cls('rrk-chat__input')}
        rows={2}
        value={text}
        disabled={disabled}
        placeholder={placeholder}
        aria-describedby={describedBy}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          onTyping?.(value.trim() !== '');
        }}
        onBlur={() => onTyping?.(false)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className={cls('rrk-chat__send')} disabled={!sendable}>
        Send
      </button>
    </form>
  );
}
