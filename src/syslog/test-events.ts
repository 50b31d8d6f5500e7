// Events siem-doctor sends to a SIEM. Each is in the agent's exact CEF shape and carries the
// variety of real traffic (activities and alerts, empty values, escaped `=`, quoted labels), and
// each is marked as ours: externalId starts with `siem-doctor-` and msg says it is a test, so a
// SIEM administrator can find and discard them.
import { randomBytes } from 'node:crypto';
import type { AgentEvent } from './cef.js';

export const TEST_ID_PREFIX = 'siem-doctor-';
export const TEST_CATEGORY = 'EVENT_CATEGORY_SIEM_DOCTOR_TEST';

interface Template {
  category: string;
  name: string;
  severity: 0 | 3;
  user: string;
  app: string;
  appId: string;
  detail: string;
}

// Shapes of what the agent streams: five activity kinds, two alert kinds.
const TEMPLATES: Template[] = [
  {
    category: 'EVENT_CATEGORY_LOGOUT',
    name: 'Log out',
    severity: 0,
    user: 'admin@contoso.com',
    app: 'ServiceNow',
    appId: 'APPID_SERVICENOW',
    detail: 'Log out',
  },
  {
    category: 'EVENT_CATEGORY_VIEW_REPORT',
    name: 'View report',
    severity: 0,
    user: 'admin@contoso.com',
    app: 'ServiceNow',
    appId: 'APPID_SERVICENOW',
    detail: 'View report: Report 23',
  },
  {
    category: 'EVENT_CATEGORY_DELETE_OBJECT',
    name: 'Delete object',
    severity: 0,
    user: 'user2@contoso.com',
    app: 'Box',
    appId: 'APPID_BOX',
    detail: 'Delete object: folder f5122008',
  },
  {
    category: 'ALERT_CABINET_EVENT_MATCH_AUDIT',
    name: 'test-activity-policy',
    severity: 3,
    user: 'admin@contoso.com',
    app: 'Microsoft 365',
    appId: 'APPID_O365',
    detail: "Activity policy ''test-activity-policy'' was triggered by ''admin@contoso.com''",
  },
  {
    category: 'EVENT_CATEGORY_CREATE_USER',
    name: 'Create user',
    severity: 0,
    user: 'admin@contoso.com',
    app: 'Salesforce',
    appId: 'APPID_SALESFORCE',
    detail: 'Create user: user 747518c0',
  },
  {
    category: 'EVENT_CATEGORY_DELETE_USER',
    name: 'Delete user',
    severity: 0,
    user: 'admin@contoso.com',
    app: 'Google',
    appId: 'APPID_33626',
    detail: 'Delete user: user 233490c0',
  },
  {
    category: 'ALERT_CABINET_EVENT_MATCH_AUDIT',
    name: 'mass-download-policy',
    severity: 3,
    user: 'user3@contoso.com',
    app: 'Microsoft Exchange Online',
    appId: 'APPID_OUTLOOK',
    detail: "Activity policy ''mass-download-policy'' was triggered by ''user3@contoso.com''",
  },
];

export function newRunId(): string {
  return `${TEST_ID_PREFIX}${Date.now()}-${randomBytes(4).toString('hex')}`;
}

function activityExtension(t: Template, id: string, ms: number, portal: string): [string, string][] {
  return [
    ['externalId', id],
    ['rt', String(ms)],
    ['start', String(ms)],
    ['end', String(ms)],
    ['msg', `${t.detail} (siem-doctor test event, not a real activity)`],
    ['suser', t.user],
    ['destinationServiceName', t.app],
    ['dvc', ''],
    ['requestClientApplication', ''],
    ['cs1Label', 'portalURL'],
    ['cs1', `${portal}/#/audits?activity.id=eq(${id},)`],
    ['cs2Label', 'uniqueServiceAppIds'],
    ['cs2', t.appId],
    ['cs3Label', 'targetObjects'],
    ['cs3', `${t.user},${t.user}`],
    ['cs4Label', 'policyIDs'],
    ['cs4', ''],
    ['c6a1Label', '"Device IPv6 Address"'],
    ['c6a1', ''],
  ];
}

function alertExtension(t: Template, id: string, ms: number, portal: string): [string, string][] {
  return [
    ['externalId', id],
    ['start', String(ms)],
    ['end', String(ms)],
    ['msg', `${t.detail} (siem-doctor test alert, not a real alert)`],
    ['suser', t.user],
    ['destinationServiceName', t.app],
    ['cn1Label', 'riskScore'],
    ['cn1', ''],
    ['cs1Label', 'portalURL'],
    ['cs1', `${portal}/#/alerts/${id}`],
    ['cs2Label', 'uniqueServiceAppIds'],
    ['cs2', t.appId],
    ['cs3Label', 'relatedAudits'],
    ['cs3', `${id}-audit`],
    ['cs4Label', 'policyIDs'],
    ['cs4', ''],
  ];
}

export interface SampleOptions {
  count: number;
  runId: string;
  version: string;
  now?: Date;
  systemName?: string;
  portal?: string;
}

/** `count` events cycling through the templates, one millisecond apart. */
export function sampleEvents(options: SampleOptions): AgentEvent[] {
  return Array.from(eachSampleEvent(options));
}

/**
 * The same events one at a time, made as they are asked for: sending a million of them needs the
 * memory of one.
 */
export function* eachSampleEvent({
  count,
  runId,
  version,
  now = new Date(),
  systemName,
  portal,
}: SampleOptions): Generator<AgentEvent> {
  const base = portal ?? 'https://contoso.portal.cloudappsecurity.com';
  for (let i = 0; i < count; i++) {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    const time = new Date(now.getTime() + i);
    const id = `${runId}-${i + 1}`;
    const extension =
      t.severity === 0
        ? activityExtension(t, id, time.getTime(), base)
        : alertExtension(t, id, time.getTime(), base);
    yield {
      time,
      productVersion: `siem-doctor-${version}`,
      category: t.category,
      name: t.name,
      severity: t.severity,
      extension,
      ...(systemName && { systemName }),
    };
  }
}

/** The one event `syslog-send` writes: plainly a connectivity test. */
export function connectivityTestEvent({
  runId,
  version,
  now = new Date(),
  host,
}: {
  runId: string;
  version: string;
  now?: Date;
  host: string;
}): AgentEvent {
  const ms = now.getTime();
  return {
    time: now,
    productVersion: `siem-doctor-${version}`,
    category: TEST_CATEGORY,
    name: 'siem-doctor connectivity test',
    severity: 0,
    extension: [
      ['externalId', runId],
      ['rt', String(ms)],
      ['start', String(ms)],
      ['end', String(ms)],
      ['msg', `Connectivity test from siem-doctor on ${host}: not a real activity, safe to discard`],
      ['suser', 'siem-doctor'],
      ['destinationServiceName', 'siem-doctor'],
      ['dvc', ''],
      ['requestClientApplication', 'siem-doctor'],
      ['cs1Label', 'portalURL'],
      ['cs1', ''],
      ['cs2Label', 'uniqueServiceAppIds'],
      ['cs2', ''],
      ['cs3Label', 'targetObjects'],
      ['cs3', ''],
      ['cs4Label', 'policyIDs'],
      ['cs4', ''],
    ],
  };
}
