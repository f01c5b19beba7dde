/**
 * Password hashing for the memory backend: salted SHA-256 through Web Crypto (browsers and Node).
 * This is a demo backend; a production server hashes with a slow function (argon2, scrypt).
 */
export async function hashPassword(password: string, salt: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${salt}\u0000${password}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return toHex(new Uint8Array(digest));
}

/** A random hex string of `bytes` bytes: salts and tokens. */
export function randomHex(bytes = 16): string {
  return toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
