// Client-side checks mirroring the server. Each returns an i18n key or null.

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

export function validateEmail(email: string): string | null {
  const e = email.trim()
  if (!e) return 'validation.required'
  if (e.length > 254 || !EMAIL_RE.test(e)) return 'validation.email'
  return null
}

export function validateNewPassword(password: string, email: string): string | null {
  if (!password) return 'validation.required'
  if (password.length < 10) return 'validation.passwordLength'
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'validation.passwordNotEmail'
  return null
}

/** HS codes: 4, 6, 8 or 10 digits (heading, subheading, national tariff lines). */
const HS_CODE_RE = /^(?:\d{4}|\d{6}|\d{8}|\d{10})$/

/** "8507.60" and "8507 60" are written forms of 850760 (the server drops dots and spaces too). */
export function isHsCode(code: string): boolean {
  return HS_CODE_RE.test(code.replace(/[.\s]/g, ''))
}
export const COUNTRY_RE = /^[A-Z]{2}$/
/** Unified Social Credit Code: 18 upper-case alphanumerics (checksum left to the server). */
export const USCC_RE = /^[0-9A-Z]{18}$/
