// Windows-shaped JRE homes: what an installer leaves under Program Files, as far as siem-doctor
// reads it (the `release` file and bin\java.exe, which is never run when the release file names
// the version).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function windowsJre(
  programFiles: string,
  folder: string,
  release: { version: string; implementor: string },
): Promise<string> {
  const home = path.join(programFiles, ...folder.split('\\'));
  await mkdir(path.join(home, 'bin'), { recursive: true });
  await writeFile(path.join(home, 'bin', 'java.exe'), 'MZ not a real java\r\n');
  await writeFile(
    path.join(home, 'release'),
    `JAVA_VERSION="${release.version}"\r\nIMPLEMENTOR="${release.implementor}"\r\n`,
  );
  return home;
}
