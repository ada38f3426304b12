/** An input that cannot be coded at all (no text, bad date): reported, never thrown past `code`. */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
