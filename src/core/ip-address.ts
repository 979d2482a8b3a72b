/**
 * Whether a text is an IP address, with the rules of Node's `net.isIP` (decimal IPv4 parts without
 * leading zeros; RFC 4291 IPv6 text with one `::` at most, an IPv4 tail and a `%zone`), checked here
 * because node:net brings the whole streams stack into a run that only validates an address.
 */

const IPV4_PART = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;
const ZONE = /^[0-9a-zA-Z\-.:]+$/;

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => IPV4_PART.test(part));
}

export function isIPv6(text: string): boolean {
  const percent = text.indexOf('%');
  if (percent !== -1 && !ZONE.test(text.slice(percent + 1))) return false;
  const address = percent === -1 ? text : text.slice(0, percent);
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const groups = halves.flatMap(groupsOf);
  let slots = groups.length;
  // A dotted IPv4 address may stand for the last two groups.
  const last = groups[groups.length - 1];
  if (last?.includes('.')) {
    if (!isIPv4(last) || (halves.length === 2 && halves[1] === '')) return false;
    groups.pop();
    slots += 1;
  }
  if (!groups.every((group) => IPV6_GROUP.test(group))) return false;
  // `::` stands for one group or more, so the written groups leave at least one slot free.
  return halves.length === 2 ? slots <= 7 : slots === 8;
}

/** 4 or 6 for an address of that version, 0 for anything else (as `net.isIP` answers). */
export function ipVersion(text: string): 0 | 4 | 6 {
  if (isIPv4(text)) return 4;
  return isIPv6(text) ? 6 : 0;
}
