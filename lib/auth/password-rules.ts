/** The password rules forms show and the server enforces (lib/auth/password.ts); no server code, so client forms can import it. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
export const PASSWORD_HELP = `At least ${MIN_PASSWORD_LENGTH} characters; not a common password.`;
