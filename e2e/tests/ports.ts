/** Where the servers under test listen, and where the vendor journey's in-process SMTP server listens. */
export const appPort = Number(process.env.E2E_PORT ?? 3199);
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? appPort + 1000);
/** A second server on its own data directory with no MAMORI_SMTP_URL: the embedded default a clinic starts with. */
export const noMailPort = appPort + 2;
/** A third server, on its own data directory and without mail, that only 01-platform sets up (the first run). */
export const firstRunPort = appPort + 4;
