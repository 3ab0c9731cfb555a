// Pauses whole process groups (SIGSTOP) and resumes them (SIGCONT). The harness pauses every other
// contender of a scenario while one is measured: an idle server's timers, GC and leftover backlog
// (serverless-offline's worker threads used up to 120 ms of core 0 during another's 5 s run) must
// not take the server core from the one under load. Each contender leads its own process group.

export function pauseGroups(pids: readonly number[]): () => void {
  for (const pid of pids) signalGroup(pid, 'SIGSTOP');
  return () => {
    for (const pid of pids) signalGroup(pid, 'SIGCONT');
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}
