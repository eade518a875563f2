import { CoVisitStatus } from '@medchannel/shared-schema';

/** What a calendar entry for a co-visit says. */
export interface CalendarVisit {
  id: string;
  status: CoVisitStatus;
  /** the plan's version: a calendar that imported an earlier file takes the higher one as the update */
  version: number;
  updatedAt: Date;
  startsAt: Date;
  endsAt: Date;
  goal: string;
  /** null when the viewer may not see the hospital */
  hospital: { name: string; address: string | null } | null;
  distributorName: string | null;
}

/** iCalendar's UTC form: 20261203T020000Z. */
const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character (§3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * One co-visit as an .ics file a phone's calendar adds: the confirmed time at the hospital, what it is for and with
 * whom. A cancelled plan gives the same entry (same UID, a higher SEQUENCE) marked cancelled, so a calendar that
 * added it can take it off. Labels are the product's words in both languages, as the exports.
 */
export function coVisitCalendar(v: CalendarVisit): string {
  const where = v.hospital?.name ?? '医院 Hospital';
  const description = [v.goal, v.distributorName ? `经销商 Distributor: ${v.distributorName}` : null]
    .filter((s): s is string => !!s)
    .join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//MedChannel//Co-visits//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:co-visit-${v.id}@medchannel`,
    `SEQUENCE:${v.version}`,
    `DTSTAMP:${utc(v.updatedAt)}`,
    `DTSTART:${utc(v.startsAt)}`,
    `DTEND:${utc(v.endsAt)}`,
    `SUMMARY:${text(`协同拜访 Co-visit · ${where}`)}`,
    ...(v.hospital?.address ? [`LOCATION:${text(v.hospital.address)}`] : []),
    `DESCRIPTION:${text(description)}`,
    `STATUS:${v.status === CoVisitStatus.CANCELLED ? 'CANCELLED' : 'CONFIRMED'}`,
    ...(v.status === CoVisitStatus.CANCELLED
      ? []
      : [
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${text(`协同拜访 · ${where}`)}`,
          'TRIGGER:-PT1H',
          'END:VALARM',
        ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
