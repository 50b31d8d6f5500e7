// What resolveConfig judges, gathered from the machine first: the config file's text, the files
// the settings name (--ca-file, --chain), the running agent (--from-process) and the agent's
// default logs folder. Only this file reads; resolve.ts is pure.
import { fileProblem, FileError, type InputRole } from '../errors.js';
import { readInputFile } from '../files.js';
import { parseConfigFile, pickSetting, type FileText, type ResolveInput } from './resolve.js';

async function readText(file: string, input: InputRole): Promise<FileText> {
  try {
    // a regular file only, and capped: a FIFO would be waited on forever, /dev/zero read until
    // memory runs out
    return { path: file, text: (await readInputFile(file)).toString('utf8') };
  } catch (error) {
    throw new FileError(fileProblem(error, file), input);
  }
}

/** Everything resolveConfig needs besides flags and environment, read or probed once. */
export async function gatherSources(
  given: Pick<ResolveInput, 'flags' | 'argv' | 'env'>,
): Promise<ResolveInput> {
  const { flags } = given;
  const input: ResolveInput = { ...given };
  if (flags.config) input.configFile = parseConfigFile(await readText(flags.config, 'config'));
  // probes/process.js is loaded only when asked for: start-up stays lean
  if (flags['from-process']) {
    const { discoverAgent } = await import('../probes/process.js');
    const agent = await discoverAgent();
    if (agent) input.agent = agent;
  }
  // the CA file is named by a flag or the config file: the same precedence as every setting
  const caFile = pickSetting(input, 'ca-file')?.value;
  if (caFile) input.caFile = await readText(caFile, 'ca-file');
  if (flags.chain) input.chain = await readText(flags.chain, 'chain');
  if (process.platform === 'win32') {
    const { defaultLogsDirectory } = await import('../probes/process.js');
    const logs = await defaultLogsDirectory();
    if (logs) input.defaultLogsDirectory = logs;
  }
  return input;
}
