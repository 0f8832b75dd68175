import { format } from 'node:util';

/**
 * Messages the workbench produces on every run, offline: failed reach-outs to open-vsx, telemetry
 * and GitHub sign-in (ENOTFOUND), the agent host, and its own connection and startup chatter.
 * None of them affect the suite, and they bury its output.
 */
const NOISE = [
  /ENOTFOUND/, /EAI_AGAIN/, /telemetry/i, /AgentHost/i, /authentication provider/i, /open-vsx/i,
  /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[(reconnection-grace-time|Service Worker|AccountPolicyGate|driver)\]/,
  /^Updating additional builtin extensions cache/,
];

/** True for a log message that is known offline noise (set VERBOSE=1 to see everything). */
export function isNoise(message: string): boolean {
  return !process.env.VERBOSE && NOISE.some((pattern) => pattern.test(message));
}

/**
 * Turns a `codeAutomationLog(type, args)` call into the text the extension host printed. The
 * args are console arguments (printf-style), so util.format renders them as Node would.
 */
export function formatAutomationLog(args: unknown): string {
  return Array.isArray(args) ? format(...(args as unknown[])) : String(args);
}
