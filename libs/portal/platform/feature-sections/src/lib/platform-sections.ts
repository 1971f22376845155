/** A page whose data comes from the AiDial platform API: its heading and what it will show once connected. */
export interface PlatformSection {
  readonly heading: string;
  /** What the data is, as the start of a sentence: "Call records". */
  readonly subject: string;
  readonly willShow: readonly string[];
}

/** The pages whose data the AiDial platform API holds but the API's proxy does not serve yet. */
export const PLATFORM_SECTIONS = {
  compliance: {
    heading: 'Compliance',
    subject: 'Compliance records',
    willShow: [
      'Do-not-call and consent checks applied to your calls',
      'Calling-hours rules and the calls they held back',
    ],
  },
  compliance_admin: {
    heading: 'Compliance administration',
    subject: 'Compliance settings',
    willShow: ['Your organisation’s do-not-call lists and consent sources', 'Calling-hours rules and their exceptions'],
  },
  incidents: {
    heading: 'Incidents',
    subject: 'Incidents',
    willShow: ['Open and past platform incidents, with their impact and timeline'],
  },
  discounts: {
    heading: 'Discounts',
    subject: 'Discounts',
    willShow: ['Discounts granted to tenants, with their terms and validity'],
  },
  adjustments: {
    heading: 'Adjustments',
    subject: 'Billing adjustments',
    willShow: ['Credits and charges applied to tenants’ bills, with their reason'],
  },
} as const satisfies Record<string, PlatformSection>;

export type PlatformSectionKey = keyof typeof PLATFORM_SECTIONS;
