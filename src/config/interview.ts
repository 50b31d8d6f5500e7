// `init`: the questions that make a config file, each answer checked by the parser `check` uses
// (what init accepts, check accepts), then the file written. The prompts are handed in, so that
// the interview runs the same at a terminal (@inquirer/prompts) and in a test.
import { access, writeFile } from 'node:fs/promises';
import type { Text } from '../catalog/index.js';
import { DoctorError, fileProblem, FileError } from '../errors.js';
import type { JavaLookup } from '../probes/java.js';
import { parsePort, parseProxyAddress, problemText } from './proxy-address.js';
import { parsePortalUrl, parseSyslogHost } from './resolve.js';

/** How the interview asks: the texts are already in the user's language. */
export interface Prompts {
  input(question: {
    message: string;
    default?: string;
    validate?: (value: string) => true | string;
  }): Promise<string>;
  select(question: { message: string; choices: { value: 'tcp' | 'udp' }[] }): Promise<'tcp' | 'udp'>;
  confirm(question: { message: string; default: boolean }): Promise<boolean>;
}

/** What `init` did: the file written with these settings, or nothing, when the user kept the old file. */
export type InitResult =
  | { written: true; file: string; settings: Record<string, string | number> }
  | { written: false; file: string };

export async function interview(options: {
  prompts: Prompts;
  say: (text: Text) => string;
  /** The Java found on this machine, offered as the answer to the Java question. */
  java: JavaLookup;
}): Promise<InitResult> {
  const { prompts, say } = options;
  // an answer the parser refuses is asked again, with the parser's reason
  const valid = (check: (value: string) => void) => (value: string) => {
    if (value.trim() === '') return true as const;
    try {
      check(value.trim());
      return true as const;
    } catch (error) {
      // a parser's error is a text: said in the interview's language
      return error instanceof DoctorError && error.text ? say(error.text) : (error as Error).message;
    }
  };
  const settings: Record<string, string | number> = {};
  const ask = async (key: string, message: Text, check?: (value: string) => void, fallback?: string) => {
    const answer = (
      await prompts.input({
        message: say(message),
        ...(fallback && { default: fallback }),
        ...(check && { validate: valid(check) }),
      })
    ).trim();
    if (answer) settings[key] = answer;
  };
  await ask('portalUrl', { key: 'init.portal' }, (v) => parsePortalUrl(v));
  await ask('proxy', { key: 'init.proxy' }, (v) => {
    const parsed = parseProxyAddress(v);
    if (!parsed.ok) throw new Error(say(problemText(parsed.problem)));
  });
  await ask('syslogHost', { key: 'init.syslogHost' }, (v) => parseSyslogHost(v));
  if (settings.syslogHost) {
    await ask('syslogPort', { key: 'init.syslogPort' }, (v) => {
      if (parsePort(v) === undefined) throw new Error(say({ key: 'config.error.portAnswer' }));
    });
    if (settings.syslogPort) settings.syslogPort = Number(settings.syslogPort);
    settings.protocol = await prompts.select({
      message: say({ key: 'init.protocol' }),
      choices: [{ value: 'tcp' }, { value: 'udp' }],
    });
  }
  const { java } = options;
  await ask('javaHome', { key: 'init.javaHome' }, undefined, java.found ? java.home : undefined);
  await ask('logsDirectory', { key: 'init.logs' });
  const file = (
    await prompts.input({ message: say({ key: 'init.file' }), default: 'siem-doctor.json' })
  ).trim();
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (
    exists &&
    !(await prompts.confirm({ message: say({ key: 'init.overwrite', params: { file } }), default: false }))
  )
    return { written: false, file };
  try {
    await writeFile(file, `${JSON.stringify(settings, null, 2)}\n`);
  } catch (error) {
    throw new FileError(fileProblem(error, file));
  }
  return { written: true, file, settings };
}
