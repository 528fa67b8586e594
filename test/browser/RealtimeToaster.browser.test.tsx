// Toasts in real Chromium: react-toastify injects its own CSS, and the kit re-points its
// --toastify-* colours at the kit's tokens. This checks the result passes colour contrast in
// both themes, and that the dark theme really reaches the toast.
import { act, render, waitFor } from '@testing-library/react';
import '../../src/styles.css';
import { RealtimeToaster, createRealtimeClient, notificationsBackend, RealtimeProvider } from 'react-realtime-kit';
import { notificationsOfEveryKind } from '../fixtures/notifications';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

async function showToasts(theme: 'light' | 'dark') {
  const client = createRealtimeClient({ url: 'ws://127.0.0.1:9' });
  client.use(notificationsBackend); // as useNotifications would
  const view = render(
    <div data-theme={theme} style={{ background: 'var(--rrk-color-surface)', minHeight: 600 }}>
      <RealtimeProvider client={client}>
        <RealtimeToaster maxPerSecond={10} autoClose={false} transition={false} />
      </RealtimeProvider>
    </div>,
  );
  act(() => {
    for (const n of notificationsOfEveryKind) client.dispatch({ endpoint: 'notifications', event: { kind: 'notification/added', notification: { ...n, read: false } } });
  });
  await waitFor(() => expect(view.container.querySelectorAll('.Toastify__toast')).toHaveLength(notificationsOfEveryKind.length));
  return { view, client };
}

describe('RealtimeToaster in Chromium', () => {
  it.each(['light', 'dark'] as const)('toasts of every kind pass axe with colour contrast (%s theme)', async (theme) => {
    const { view, client } = await showToasts(theme);
    await expectNoAxeViolations(view.container, { requireRules: ['color-contrast'] });
    client.dispose();
  });

  it('follows the kit theme rather than react-toastify\'s own light background', async () => {
    const { view, client } = await showToasts('dark');
    const toast = view.container.querySelector<HTMLElement>('.Toastify__toast')!;
    expect(getComputedStyle(toast).backgroundColor).toBe('rgb(30, 41, 59)'); // --rrk-color-surface-raised, dark
    expect(toast.querySelector('.Toastify__toast-icon')).toBeNull(); // the kit's own icon only
    client.dispose();
  });
});
