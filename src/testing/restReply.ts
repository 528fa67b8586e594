/** The pieces every REST route table shares: answers, early exits, header lookup. */
import type { SimRestRequest, SimRestResponse } from './types';

/** Thrown inside a handler to answer early (bad body, refused auth). */
export class Answer {
  constructor(readonly response: SimRestResponse) {}
}

export const reply = (status: number, body: unknown): SimRestResponse => ({ status, body });

/** Answer now with `status` and `body`. */
export const fail = (status: number, body: unknown): never => {
  throw new Answer(reply(status, body));
};

/** Answer 400 `{error}`. */
export const bad = (error: string): never => fail(400, { error });

/** A request header, by case-insensitive name. */
export function header(headers: SimRestRequest['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
