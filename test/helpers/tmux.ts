// A real terminal for interactive commands: tmux runs the command, send-keys types, capture-pane
// reads the screen. Every wait is bounded in polls and in time.
import { execa } from 'execa';

export class Terminal {
  private constructor(private readonly session: string) {}

  /** Starts `command` (a shell line) in a detached 200×50 session; `sleep` keeps the screen after it ends. */
  static async start(session: string, cwd: string, command: string): Promise<Terminal> {
    const started = await execa(
      'tmux',
      ['new-session', '-d', '-s', session, '-x', '200', '-y', '50', '-c', cwd, `${command}; sleep 60`],
      { reject: false },
    );
    if (started.exitCode !== 0) throw new Error(`tmux: ${started.stderr}`);
    return new Terminal(session);
  }

  async screen(): Promise<string> {
    return (await execa('tmux', ['capture-pane', '-p', '-t', this.session], { reject: false })).stdout;
  }

  async waitFor(text: string, ms = 15_000): Promise<string> {
    const deadline = Date.now() + ms;
    let last = '';
    for (let i = 0; i < 300 && Date.now() < deadline; i++) {
      last = await this.screen();
      if (last.includes(text)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`"${text}" never showed; the screen was:\n${last}`);
  }

  /** Keys as tmux names them (Enter, Down, BSpace); `-l` before a key sends it as literal text. */
  async keys(...keys: string[]): Promise<void> {
    await execa('tmux', ['send-keys', '-t', this.session, ...keys]);
  }

  async type(text: string): Promise<void> {
    await this.keys('-l', text);
  }

  /** Waits for a prompt, then types the answer (if any) and Enter. */
  async answer(prompt: string, text?: string): Promise<void> {
    await this.waitFor(prompt);
    if (text) await this.type(text);
    await this.keys('Enter');
  }

  async close(): Promise<void> {
    await execa('tmux', ['kill-session', '-t', this.session], { reject: false });
  }
}
