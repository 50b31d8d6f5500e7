// What `syslog send-test` prints: where the events went and how to find them in the SIEM, or why
// sending failed (stderr), in the words the syslog checks use for the same outcomes.
import type { MessageFile } from '../catalog/en.js';
import { translate, type Text } from '../catalog/index.js';
import { tcpFailure } from '../checks/syslog-connection.js';
import type { SendResult } from '../syslog/sender.js';

/** `syslog send-test`'s result, as its JSON document shows it. */
export type SendTestResult = SendResult & {
  host: string;
  port: number;
  protocol: 'tcp' | 'udp';
  framing: 'lf' | 'octet';
  runId: string;
  count: number;
};

/** The lines for stdout (it worked) and for stderr (it failed). */
export function renderSendTest(
  result: SendTestResult,
  catalog: MessageFile,
  options: { timeoutMs: number; pri?: number },
): { out: string[]; err: string[] } {
  const say = (text: Text) => translate(catalog, text);
  const { host, port, protocol, framing, runId, count } = result;
  if (result.ok) {
    const out = [
      say({
        key: 'sendTest.sent',
        params: {
          count: result.sent,
          bytes: result.bytes,
          host,
          port,
          protocol,
          address: result.address,
          framing,
        },
      }),
      say({ key: 'sendTest.find', params: { runId, count } }),
    ];
    if (protocol === 'udp') out.push(say({ key: 'sendTest.udp' }));
    if (result.halfClosed) out.push(say({ key: 'sendTest.halfClosed' }));
    if (protocol === 'tcp' && framing === 'lf' && options.pri === undefined)
      out.push(say({ key: 'syslog.hint.framing' }));
    return { out, err: [] };
  }
  const reason = say(failureText(result, host, port, options.timeoutMs));
  const err = [say({ key: 'sendTest.failed', params: { host, port, protocol, reason } })];
  if (result.stage === 'send')
    err.push(say({ key: 'sendTest.sentBefore', params: { sent: result.sent, count } }));
  return { out: [], err };
}

/** Why sending failed, in the words the syslog checks use for the same outcomes. */
function failureText(
  result: Exclude<SendResult, { ok: true }>,
  host: string,
  port: number,
  timeoutMs: number,
): Text {
  switch (result.stage) {
    case 'dns':
      return { key: 'syslog.dnsFailed', params: { host, code: result.code } };
    case 'connect':
      return tcpFailure(result.code, result.address, port, timeoutMs);
    default:
      switch (result.kind) {
        case 'refused':
          return { key: 'syslog.udpRefused', params: { address: result.address, port } };
        case 'reset':
          return { key: 'syslog.sendReset', params: { code: result.code ?? 'ECONNRESET' } };
        case 'closed':
          return { key: 'syslog.sendClosed' };
        default:
          return { key: 'syslog.sendStalled', params: { seconds: timeoutMs / 1000 } };
      }
  }
}
