import { knownStatusKeys, statusInfo, orderStreamStatuses, timingStatuses as timingWire } from 'react-realtime-kit';
import { knownStatuses, unknownStatuses, variantSpellings } from '../fixtures/statuses';

describe('statusInfo', () => {
  it.each([...knownStatuses, ...variantSpellings, ...unknownStatuses].map((c) => [c.status, c] as const))('%j', (_, c) => {
    expect(statusInfo(c.status)).toEqual({ key: c.key, label: c.label, tone: c.tone, icon: c.icon, known: c.tone !== 'neutral' });
  });

  it('knows every status the dialects can emit', () => {
    for (const status of [...orderStreamStatuses, ...timingWire]) {
      expect(statusInfo(status).known, status).toBe(true);
    }
  });

  it('lists each known key once, and the fixtures cover them all', () => {
    expect(new Set(knownStatusKeys).size).toBe(knownStatusKeys.length);
    expect(new Set(knownStatuses.map((c) => c.key))).toEqual(new Set(knownStatusKeys));
  });

  it('is not fooled by Object.prototype names', () => {
    for (const name of ['toString', 'hasOwnProperty', 'valueOf', '__proto__', 'constructor']) {
      expect(statusInfo(name)).toMatchObject({ known: false, tone: 'neutral', label: name });
    }
  });
});
