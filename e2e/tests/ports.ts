/** Where the server under test listens, and where the vendor journey's in-process SMTP server listens. */
export const appPort = Number(process.env.E2E_PORT ?? 3199);
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? appPort + 1000);
