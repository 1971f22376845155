/** The platform's codes in words, for the Compliance and admin-area pages (never a code on the screen). */
export const COMPLIANCE_RULE_LABELS: Readonly<Record<string, string>> = {
  do_not_call: 'Do-not-call lists',
  consent: 'Consent',
  calling_hours: 'Calling hours',
};
export const COMPLIANCE_RESULT_LABELS: Readonly<Record<string, string>> = {
  cleared: 'Cleared',
  blocked: 'Blocked',
  held: 'Held back',
};
export const CALLING_DAYS_LABELS: Readonly<Record<string, string>> = {
  weekdays: 'Monday to Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
  public_holidays: 'National public holidays',
};
export const DO_NOT_CALL_SOURCE_LABELS: Readonly<Record<string, string>> = {
  national_register: 'National register',
  organisation: 'Your organisation',
  uploaded: 'Uploaded list',
};
export const CONSENT_KIND_LABELS: Readonly<Record<string, string>> = {
  written: 'Written',
  web_form: 'Web form',
  verbal: 'Verbal',
  import: 'Imported',
};
export const INCIDENT_SEVERITY_LABELS: Readonly<Record<string, string>> = {
  critical: 'Critical',
  major: 'Major',
  minor: 'Minor',
};
export const INCIDENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  investigating: 'Investigating',
  identified: 'Cause identified',
  monitoring: 'Monitoring a fix',
  resolved: 'Resolved',
};
export const DISCOUNT_SCOPE_LABELS: Readonly<Record<string, string>> = {
  call_minutes: 'Call minutes',
  platform_fee: 'Platform fee',
  all_charges: 'All charges',
};
export const DISCOUNT_STATUS_LABELS: Readonly<Record<string, string>> = {
  active: 'Active',
  scheduled: 'Scheduled',
  expired: 'Expired',
};
export const ADJUSTMENT_KIND_LABELS: Readonly<Record<string, string>> = {
  credit: 'Credit',
  charge: 'Charge',
};

/** A calendar day the platform sends as `YYYY-MM-DD`, as a local date (parsed as UTC it could show the day before). */
export function calendarDay(text: string): Date {
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  return new Date(year, month - 1, day);
}
