/** The service token the e2e stack gives the API for the identity provider's REST API (tools/lib/dev-idp.mjs). */
export async function serviceToken(): Promise<string> {
  // Loaded with import() so Node runs it as the ES module it is (see global-setup.ts).
  // eslint-disable-next-line @nx/enforce-module-boundaries
  const { LOCAL_CLIENT } = await import('../../../../tools/lib/dev-idp.mjs');
  return LOCAL_CLIENT.serviceToken;
}

/**
 * Removes a user's SMS one-time code factor at the identity provider, as an administrator would in Zitadel (the portal
 * never deletes it), so the user's next sign-in asks for no text message. Resolves with the provider's status.
 */
export async function removeSmsFactor(userId: string): Promise<number> {
  const issuer = process.env['PORTAL_E2E_IDP_ISSUER'];
  if (!issuer) throw new Error('PORTAL_E2E_IDP_ISSUER is not set: the global setup did not run');
  const response = await fetch(`${issuer.replace(/\/$/, '')}/v2/users/${encodeURIComponent(userId)}/otp_sms`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${await serviceToken()}` },
  });
  return response.status;
}
