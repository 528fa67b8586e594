// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { ToastContainer, toast } from 'react-toastify';
import { Toast, toastKindLabel, toastKinds } from 'react-realtime-kit';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

describe('Toast', () => {
  it.each(toastKinds.map((k) => [k]))('shows kind %s as an icon plus text', (kind) => {
    const { container } = render(<Toast kind={kind} title="Order #101 is now Done" />);
    const root = container.firstElementChild!;
    expect(root).toHaveAttribute('data-kind', kind);
    expect(root.querySelector(`svg[data-icon="${kind}"]`)).toHaveAttribute('aria-hidden', 'true');
    expect(root).toHaveTextContent(`${toastKindLabel[kind]}: Order #101 is now Done`);
  });

  it('shows the title, message and time', () => {
    render(<Toast kind="success" title="Booking confirmed" message="Saturday at 10:00" time="2025-03-14T09:30:00Z" locale="en-GB" />);
    expect(screen.getByText('Saturday at 10:00')).toBeInTheDocument();
    const time = document.querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', '2025-03-14T09:30:00.000Z');
    expect(time.textContent).toMatch(/\d{1,2}:\d{2}/);
  });

  it('shows an unreadable time as text and an unknown kind as default', () => {
    const { container } = render(<Toast kind={'weird' as never} title="t" time="sometime soon" />);
    expect(container.firstElementChild).toHaveAttribute('data-kind', 'default');
    expect(container.querySelector('time')).toBeNull();
    expect(container).toHaveTextContent('sometime soon');
  });

  it("reads the admin server's quoted Python timestamp as a time", () => {
    const { container } = render(<Toast title="t" time={'"2025-01-01 10:00:00"'} />);
    expect(container.querySelector('time')).not.toBeNull();
  });

  it('renders markup in wire text as text', () => {
    const { container } = render(<Toast title="<img src=x onerror=alert(1)>" message="<b>hi</b>" />);
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('keeps react-toastify props off the DOM and drops its classes when unstyled', () => {
    const { container } = render(<Toast title="t" closeToast={() => {}} toastProps={{}} isPaused={false} data={{}} unstyled />);
    const root = container.firstElementChild!;
    expect(root.getAttributeNames().sort()).toEqual(['data-kind']);
    expect(container.querySelector('[class]')).toBeNull();
  });

  it('works with react-toastify toast(), inside a role="status" toast', async () => {
    render(<ToastContainer role="status" />);
    act(() => {
      toast(<Toast kind="success" title="Saved" message="Your changes are live." />, { toastId: 'saved', icon: false });
    });
    const shown = await screen.findByRole('status');
    expect(shown).toHaveTextContent('Success: Saved');
    expect(shown).toHaveTextContent('Your changes are live.');
    act(() => toast(<Toast title="Saved again" />, { toastId: 'saved' })); // same id: ignored
    await waitFor(() => expect(screen.getAllByRole('status')).toHaveLength(1));
    await expectNoAxeViolations(document.body);
  });

  it.each(toastKinds.map((k) => [k]))('%s has no axe violations', async (kind) => {
    const { container } = render(<Toast kind={kind} title="Title" message="Message" time="2025-03-14T09:30:00Z" />);
    await expectNoAxeViolations(container);
  });
});
