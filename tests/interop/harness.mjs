// SPDX-License-Identifier: GPL-3.0-or-later
// The Sotto side, as a child process speaking JSON lines (sotto_interop_harness): one
// request at a time, one reply line each.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export class SottoHarness {
  constructor(binary) {
    this.child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.replies = [];
    this.waiting = [];
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next.resolve(JSON.parse(line));
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`harness exited with ${code}`));
      this.exited = true;
    });
  }

  request(command) {
    if (this.exited) return Promise.reject(new Error('harness is gone'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(JSON.stringify(command) + '\n');
    });
  }

  // Like request, but a refusal is an error.
  async call(command) {
    const reply = await this.request(command);
    if (!reply.ok) throw new Error(`harness ${command.cmd}: ${reply.code}: ${reply.reason}`);
    return reply;
  }

  close() {
    this.child.stdin.end();
    return new Promise((resolve) => (this.exited ? resolve() : this.child.on('exit', resolve)));
  }
}
