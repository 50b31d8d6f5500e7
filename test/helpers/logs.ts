// Log lines as the agent's log4j writes them, for tests that build log folders.
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A time as log4j writes it, in local time (the agent server's, where siem-doctor runs). */
export function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())},${pad(d.getMilliseconds(), 3)}`;
}
