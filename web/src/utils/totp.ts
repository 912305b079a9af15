// Display helpers for TOTP enrolment.

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type into a phone. */
export function groupSecret(secret: string, size = 4): string {
  const clean = secret.replace(/\s+/g, '')
  const groups: string[] = []
  for (let i = 0; i < clean.length; i += size) groups.push(clean.slice(i, i + size))
  return groups.join(' ')
}
