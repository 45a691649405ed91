import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const PortNumber = z.coerce.number().int().min(1).max(65535);
const bytes = z.coerce.number().int().min(1024);

/**
 * Which X-Forwarded-For entries to believe. `true` means one proxy in front: the address that proxy appended
 * (the right-most entry) is the client, and whatever the client itself sent further left is ignored.
 */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

const proxyAddress = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6(), z.enum(['loopback', 'linklocal', 'uniquelocal'])]);
const TrustProxySetting = z.string().transform((value, ctx): TrustProxy => {
  if (value === 'false') return false;
  if (value === 'true') return { hops: 1 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 10) return { hops };
  } else {
    const addresses = value.split(',').map((a) => a.trim());
    if (addresses.every((a) => proxyAddress.safeParse(a).success)) return { addresses };
  }
  ctx.addIssue({
    code: 'custom',
    message:
      "true / false、プロキシの段数 (1〜10)、またはプロキシのIPアドレス・CIDRのカンマ区切り / true, false, a hop count (1-10), or the proxies' addresses or CIDRs, comma-separated",
  });
  return z.NEVER;
});

/** AES-256 keys are 32 random bytes, written in base64 (`openssl rand -base64 32`). */
const SecretKey = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const key = Buffer.from(value, 'base64');
    if (key.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(value)) return key;
    ctx.addIssue({ code: 'custom', message: '32バイトの鍵をbase64で (例: openssl rand -base64 32) / 32 bytes in base64, e.g. openssl rand -base64 32' });
    return z.NEVER;
  });

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: PortNumber.default(3000),
  MAMORI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'postgres:// または postgresql:// で始まる接続文字列 / a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MAMORI_FILE_MAX_BYTES: bytes.default(25 * 1024 * 1024),
  MAMORI_BODY_MAX_BYTES: bytes.default(1024 * 1024),
  MAMORI_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  MAMORI_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  MAMORI_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  MAMORI_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  MAMORI_LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(10000).default(30),
  MAMORI_TRUST_PROXY: TrustProxySetting.default(false),
  MAMORI_SECRET_KEY: SecretKey.optional(),
  MAMORI_SECRET_KEY_PREVIOUS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(SecretKey))
    .default([]),
  /** Where signed audit checkpoints are appended; default: audit-checkpoints.jsonl in MAMORI_DATA_DIR. */
  MAMORI_AUDIT_CHECKPOINT_FILE: z
    .string()
    .regex(/[^/\\]$/, 'ファイルのパス (ディレクトリではなく) / a file path, not a directory')
    .optional(),
  MAMORI_PUBLIC_URL: z.url().optional(),
  /** Without it mail is not sent but written to the log, so a clinic PC with no mail server still shows invitation links. */
  MAMORI_SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'smtp:// または smtps:// で始まるURL / an smtp:// or smtps:// URL' }).optional(),
  MAMORI_MAIL_FROM: z
    .string()
    .regex(/^[^\r\n]*@[^\r\n]*$/, '差出人のメールアドレス (例: Mamori <no-reply@example.jp>) / a sender address such as Mamori <no-reply@example.jp>')
    .default('Mamori <no-reply@localhost>'),
  /** Worker threads for PDF, Excel and spreadsheet work; 0 runs it on the request thread (for comparison only). */
  MAMORI_WORKER_THREADS: z.coerce
    .number()
    .int()
    .min(0)
    .max(64)
    .default(Math.max(1, Math.min(4, os.availableParallelism() - 1))),
  /**
   * How often each job queue is polled. Unset: every 2 s on PostgreSQL; every 15 s on the embedded database,
   * whose one connection every request waits behind (each poll held ten users' p99 up by tens of ms).
   */
  MAMORI_JOB_POLL_SECONDS: z.coerce.number().int().min(1).max(300).optional(),
  /**
   * Months of access logs kept, counted from their arrival; unset keeps them all. The documents give no period
   * (Q&A 8-8: "できる限り長い期間保管"), so Mamori removes nothing unless told.
   */
  MAMORI_ACCESS_LOG_RETENTION_MONTHS: z.coerce.number().int().min(1).max(1200).optional(),
  /** Unset (the default): no syslog receiver. Set: access logs are received over UDP and TCP on this port. */
  MAMORI_SYSLOG_PORT: PortNumber.optional(),
  MAMORI_SYSLOG_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Seconds between polls of a job queue when MAMORI_JOB_POLL_SECONDS is unset (see above). */
const JOB_POLL_SECONDS = { postgres: 2, pglite: 15 } as const;

export interface Config {
  host: string;
  port: number;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  fileMaxBytes: number;
  bodyMaxBytes: number;
  session: { idleMinutes: number; maxHours: number };
  login: { maxFailures: number; lockoutMinutes: number; ipMaxFailures: number };
  trustProxy: TrustProxy;
  /**
   * Encrypts secrets at rest (TOTP secrets, queued mail). `current` unset means the embedded database's
   * key file (see openKeyring); `previous` keys still decrypt during a rotation.
   */
  secretKey: { current: Buffer | undefined; previous: Buffer[] };
  /**
   * The file signed audit checkpoints are appended to (absolute). It anchors the audit chain's head outside the
   * database, so it belongs on storage the database's users cannot write (shared by every app server).
   */
  auditCheckpointFile: string;
  publicUrl: string | undefined;
  mail: { smtpUrl: string | undefined; from: string };
  workerThreads: number;
  /** Seconds between polls of each job queue: how late a queued e-mail can leave. */
  jobPollSeconds: number;
  /** Months of access logs kept; undefined: every event is kept. */
  accessLogRetentionMonths: number | undefined;
  /** Where servers send their auth logs over syslog (UDP and TCP, one port); undefined: not listening. */
  syslog: { port: number; host: string } | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

const AUDIT_CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

/** Reads and validates the environment once; a bad value names the variable and what it accepts. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`設定値が正しくありません / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.MAMORI_SECRET_KEY) {
    // Several app servers share PostgreSQL, so the key cannot be a file each one makes for itself.
    throw new ConfigError(
      '設定値が正しくありません / invalid configuration:\n  MAMORI_SECRET_KEY: DATABASE_URL (PostgreSQL) を使うときは必須です / required with DATABASE_URL',
    );
  }
  return {
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.resolve(e.MAMORI_DATA_DIR) },
    fileMaxBytes: e.MAMORI_FILE_MAX_BYTES,
    bodyMaxBytes: e.MAMORI_BODY_MAX_BYTES,
    session: { idleMinutes: e.MAMORI_SESSION_IDLE_MINUTES, maxHours: e.MAMORI_SESSION_MAX_HOURS },
    login: { maxFailures: e.MAMORI_LOGIN_MAX_FAILURES, lockoutMinutes: e.MAMORI_LOCKOUT_MINUTES, ipMaxFailures: e.MAMORI_LOGIN_IP_MAX_FAILURES },
    trustProxy: e.MAMORI_TRUST_PROXY,
    secretKey: { current: e.MAMORI_SECRET_KEY, previous: e.MAMORI_SECRET_KEY_PREVIOUS },
    auditCheckpointFile: path.resolve(e.MAMORI_AUDIT_CHECKPOINT_FILE ?? path.join(e.MAMORI_DATA_DIR, AUDIT_CHECKPOINT_FILE)),
    publicUrl: e.MAMORI_PUBLIC_URL,
    mail: { smtpUrl: e.MAMORI_SMTP_URL, from: e.MAMORI_MAIL_FROM },
    workerThreads: e.MAMORI_WORKER_THREADS,
    jobPollSeconds: e.MAMORI_JOB_POLL_SECONDS ?? JOB_POLL_SECONDS[e.DATABASE_URL ? 'postgres' : 'pglite'],
    accessLogRetentionMonths: e.MAMORI_ACCESS_LOG_RETENTION_MONTHS,
    syslog: e.MAMORI_SYSLOG_PORT ? { port: e.MAMORI_SYSLOG_PORT, host: e.MAMORI_SYSLOG_HOST } : undefined,
    logLevel: e.LOG_LEVEL,
  };
}
