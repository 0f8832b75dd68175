/**
 * Thrown when something the harness needs is missing and it may not install it itself (not root,
 * unsupported platform). The runners print the message, which says what to install, and exit 2.
 */
export class PrerequisiteError extends Error {
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = 'PrerequisiteError';
  }
}
