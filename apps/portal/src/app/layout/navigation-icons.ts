import type { NavigationIcon } from './navigation';

/** One outlined 24×24 path per navigation icon, drawn with the text colour (no icon font: the CSP allows none). */
export const NAVIGATION_ICON_PATHS: Readonly<Record<NavigationIcon, string>> = {
  home: 'M4 4h7v9H4zM13 4h7v5h-7zM13 11h7v9h-7zM4 15h7v5H4z',
  calls: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
  billing: 'M3 6h18v12H3zM3 10h18M7 15h4',
  compliance: 'M9 12l2 2 4-4M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6z',
  audit: 'M6 3h9l4 4v14H6zM9 9h6M9 13h6M9 17h4',
  clients: 'M3 21V7l6-4 6 4v14M15 21h6V11l-6-4M7 10h4M7 14h4M7 18h4',
  projects: 'M3 6h7l2 2h9v11H3z',
  campaigns: 'M3 10v4h4l6 4V6L7 10zM17 8a5 5 0 0 1 0 8',
  team: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M16 3a4 4 0 0 1 0 8M22 21a7 7 0 0 0-4-6.3',
  integrations: 'M8 3v5M16 3v5M6 8h12v4a6 6 0 0 1-12 0zM12 18v3',
  capacity: 'M4 20a8 8 0 1 1 16 0M12 20l4-7',
  support: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7M12 17h.01',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1',
  status: 'M3 12h4l3-8 4 16 3-8h4',
  tenants: 'M4 21V4h10v17M14 9h6v12M8 8h2M8 12h2M8 16h2M2 21h20',
  incidents: 'M12 3 2 20h20zM12 10v4M12 17h.01',
  discounts: 'M19 5 5 19M7 9a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM17 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  adjustments: 'M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4',
  admin: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
};
