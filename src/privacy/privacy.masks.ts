import { normalizeKzPhone } from './phone.js';
import type { PiiKind } from './privacy.vocabulary.js';

export interface FullNameParts {
  readonly firstName: string | null | undefined;
  readonly patronymic?: string | null | undefined;
  readonly surname: string | null | undefined;
}

export type MaskInput = string | FullNameParts;

const IIN_HIDDEN = '************';
const PHONE_HIDDEN = '+* *** *** ** **';
const EMAIL_HIDDEN = '***';

/** `********1234`; anything that is not 12 digits is hidden entirely. */
export function maskIin(value: string): string {
  return /^\d{12}$/.test(value) ? `********${value.slice(8)}` : IIN_HIDDEN;
}

/** `N******78`: first letter and last 2, same length; under 8 characters too much would show, so all stars. */
export function maskPassport(value: string): string {
  const chars = Array.from(value.replace(/\s+/g, ''));
  if (chars.length < 8) return '*'.repeat(chars.length);
  const first = /^[A-Z]$/i.test(chars[0]) ? chars[0].toUpperCase() : '*';
  return first + '*'.repeat(chars.length - 3) + chars.slice(-2).join('');
}

/** `+7 7** *** **67`: the country code, the operator's leading 7 (same for every Kazakh mobile) and the last 2 digits. */
export function maskPhone(value: string): string {
  const phone = normalizeKzPhone(value);
  return phone ? `+7 7** *** **${phone.slice(-2)}` : PHONE_HIDDEN;
}

/** `a***@mail.kz`: first character of the local part (none if it is shorter than 3) and the domain. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  const local = Array.from(value.slice(0, at));
  const domain = value.slice(at + 1);
  if (at < 1 || !/^[^\s@]+\.[^\s@]+$/.test(domain) || /\s/.test(value.slice(0, at))) return EMAIL_HIDDEN;
  return `${local.length >= 3 ? local[0] : ''}***@${domain.toLowerCase()}`;
}

// One character: a letter whose capital is longer (the ligature ﬃ -> FFI) stays as written.
const initial = (part: string | null | undefined): string => {
  const c = Array.from(part?.trim() ?? '')[0];
  if (!c) return '';
  const upper = c.toUpperCase();
  return `${Array.from(upper).length === 1 ? upper : c}.`;
};

/** `Aigerim K.`: the first word of the first name and the surname's initial; without a first name, initials only, so no surname or patronymic is ever shown whole. */
export function maskFullName(name: FullNameParts): string | null {
  const first = name.firstName?.trim().split(/\s+/)[0] ?? '';
  const parts = first ? [first, initial(name.surname)] : [initial(name.patronymic), initial(name.surname)];
  const masked = parts.filter((p) => p !== '').join(' ');
  return masked === '' ? null : masked;
}

/** The name parts a person row carries, so a name is masked from its parts and not from a display string that cannot tell them apart. */
export function nameParts(row: object): FullNameParts | null {
  return 'firstName' in row && 'surname' in row ? (row as FullNameParts) : null;
}

/** A display name "First [Patronymic] Surname" (the gateway's fullName order); one word could be any of the three, so it counts as a surname. */
export function parseFullName(displayName: string): FullNameParts {
  const words = displayName
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length < 2) return { firstName: undefined, surname: words[0] };
  return { firstName: words[0], patronymic: words.length > 2 ? words[1] : undefined, surname: words[words.length - 1] };
}

/** The PARTIAL form of a value; null for kinds without a mask. */
export function maskValue(kind: PiiKind, value: MaskInput): string | null {
  if (kind === 'FULL_NAME') return maskFullName(typeof value === 'string' ? parseFullName(value) : value);
  if (typeof value !== 'string') return null;
  switch (kind) {
    case 'IIN':
      return maskIin(value);
    case 'PASSPORT':
      return maskPassport(value);
    case 'PHONE':
      return maskPhone(value);
    case 'EMAIL':
      return maskEmail(value);
    default:
      return null;
  }
}

/** Example inputs for the generated policy document; outputs are computed by the masks themselves. */
export const MASK_EXAMPLES: readonly { readonly kind: PiiKind; readonly input: string }[] = Object.freeze([
  { kind: 'IIN', input: '900101300811' },
  { kind: 'PASSPORT', input: 'N12345689' },
  { kind: 'PHONE', input: '+7 701 123 45 67' },
  { kind: 'EMAIL', input: 'aigerim@mail.kz' },
  { kind: 'FULL_NAME', input: 'Aigerim Nurlanovna Kassymova' },
  { kind: 'GENDER', input: 'FEMALE' },
  { kind: 'MESSENGER', input: '@aigerim' },
  { kind: 'DOCUMENT_SCAN', input: 'scan.jpg' },
]);
