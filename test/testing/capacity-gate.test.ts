import { describe, expect, it } from 'vitest';
import { CapacityGate } from '../../src/testing/capacity-gate.js';

describe('CapacityGate', () => {
  it('admits up to capacity at once and hands released slots to waiters in FIFO order', async () => {
    const gate = new CapacityGate(2);
    expect(gate.acquire()).toBeUndefined();
    expect(gate.acquire()).toBeUndefined();
    const admitted: number[] = [];
    const waits = [0, 1, 2].map((i) => gate.acquire()!.then(() => admitted.push(i)));
    expect(gate.queued).toBe(3);
    gate.release();
    gate.release();
    await Promise.resolve();
    expect(admitted).toEqual([0, 1]);
    expect(gate.acquire()).not.toBeUndefined();
    gate.release();
    await Promise.all(waits);
    expect(admitted).toEqual([0, 1, 2]);
    expect(gate.queued).toBe(1);
  });

  it('stays FIFO across queue compaction', async () => {
    const gate = new CapacityGate(1);
    gate.acquire();
    const admitted: number[] = [];
    const waits = Array.from({ length: 3000 }, (_, i) => gate.acquire()!.then(() => admitted.push(i)));
    for (let i = 0; i < 3000; i++) gate.release();
    await Promise.all(waits);
    expect(admitted).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(gate.queued).toBe(0);
  });

  it('never queues without a capacity', () => {
    const gate = new CapacityGate();
    for (let i = 0; i < 1000; i++) expect(gate.acquire()).toBeUndefined();
  });
});
