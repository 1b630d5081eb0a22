import { describe, expect, it } from 'vitest';
import { buildSandboxCommand, sandboxPaths, type SandboxTools } from '../../../src/backends/sandbox/sandbox-command.js';
import { resolveSandboxLimits } from '../../../src/backends/sandbox/sandbox-limits.js';

const tools: SandboxTools = {
  sh: '/bin/sh',
  timeout: '/usr/bin/timeout',
  setpriv: '/usr/bin/setpriv',
  bwrap: '/usr/bin/bwrap',
  prlimit: '/usr/bin/prlimit',
};
const limits = resolveSandboxLimits({ timeoutSeconds: 3 });

describe('buildSandboxCommand', () => {
  it('nests the verified recipe: cgroup, timeout, setpriv, bwrap, prlimit, then the program', () => {
    const argv = buildSandboxCommand(tools, limits, '/tmp/evalforge-sandbox-x', ['python3', '-I'], '/cg/procs');
    const starts = ['/bin/sh', '/usr/bin/timeout', '/usr/bin/setpriv', '/usr/bin/bwrap', '/usr/bin/prlimit', 'python3'].map((tool) => argv.indexOf(tool));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(argv.slice(0, 4)).toEqual(['/bin/sh', '-c', 'echo $$ > "$0" && exec "$@"', '/cg/procs']);
    expect(argv.slice(4, 8)).toEqual(['/usr/bin/timeout', '-s', 'KILL', '5']);
    expect(argv).toContain('--reuid=65534');
    expect(argv).toContain('--inh-caps=-all');
    for (const flag of ['--unshare-all', '--disable-userns', '--die-with-parent', '--new-session', '--as-pid-1', '--clearenv']) {
      expect(argv).toContain(flag);
    }
    expect(argv.join(' ')).toContain('--ro-bind / / --size 67108864 --tmpfs /tmp');
    expect(argv.join(' ')).toContain('--ro-bind /tmp/evalforge-sandbox-x /tmp/program --dir /tmp/work --chdir /tmp/work');
    expect(argv.join(' ')).toContain(
      '/usr/bin/prlimit --as=1073741824 --cpu=4 --nproc=32 --fsize=10485760 --nofile=256 -- python3 -I',
    );
  });

  it('leaves out each missing tool, and sh without a cgroup', () => {
    const argv = buildSandboxCommand({ prlimit: '/usr/bin/prlimit' }, limits, '/tmp/d', ['python3']);
    expect(argv).toEqual(['/usr/bin/prlimit', '--as=1073741824', '--cpu=4', '--nproc=32', '--fsize=10485760', '--nofile=256', '--', 'python3']);
    expect(buildSandboxCommand(tools, limits, '/tmp/d', ['python3'])[0]).toBe('/usr/bin/timeout');
  });

  it('puts the program directory where the program sees it', () => {
    expect(sandboxPaths(tools, '/tmp/d')).toEqual({ programDir: '/tmp/program', workDir: '/tmp/work' });
    expect(sandboxPaths({}, '/tmp/d')).toEqual({ programDir: '/tmp/d', workDir: '/tmp/d' });
  });
});
