/**
 * CPython's `random.Random`, bit for bit: the MT19937 generator seeded from an int exactly as
 * `random.Random(seed)` does (CPython `_randommodule.c` `random_seed` + `init_by_array`), and the
 * pure-Python methods built on it in `Lib/random.py` that harnesses use to draw few-shot examples.
 * Same seed and same call sequence give the same numbers as Python 3.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TWO_PI = 2 * Math.PI;

export class PythonRandom {
  private readonly mt = new Uint32Array(N);
  private mti = N + 1;
  private gaussNext: number | null = null;

  /** Like `random.Random(seed)` for an int seed; the sign is ignored, as CPython does. */
  constructor(seed: number | bigint) {
    this.seed(seed);
  }

  /**
   * `random.seed(int)`: `init_by_array` over the 32-bit little-endian words of `abs(seed)`; like
   * `Random.seed` it also drops the spare normal deviate that `gauss` keeps.
   */
  seed(seed: number | bigint): void {
    if (typeof seed === 'number' && !Number.isSafeInteger(seed)) {
      throw new RangeError(`PythonRandom seed must be a safe integer or a bigint, got ${seed}`);
    }
    let rest = BigInt(seed);
    if (rest < 0n) rest = -rest;
    const key: number[] = [];
    do {
      key.push(Number(rest & 0xffffffffn));
      rest >>= 32n;
    } while (rest > 0n);
    this.initByArray(key);
    this.gaussNext = null;
  }

  /** `random.random()`: a float in [0, 1) from 53 random bits (two 32-bit draws). */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * (1 / 9007199254740992);
  }

  /**
   * `random.getrandbits(k)`: a non-negative int of k random bits. k ≤ 32 takes the top k bits of
   * one draw; larger k fills 32-bit words least significant first, the last one shifted right.
   */
  getrandbits(k: number): bigint {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`getrandbits needs a non-negative integer, got ${k}`);
    if (k <= 32) return BigInt(this.smallRandbits(k));
    let result = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32, shift += 32n) {
      let word = this.nextUint32();
      if (left < 32) word >>>= 32 - left;
      result |= BigInt(word) << shift;
    }
    return result;
  }

  /**
   * `random._randbelow(n)` (`_randbelow_with_getrandbits`): draws `getrandbits(n.bit_length())`
   * until the value is below n. n must be a positive safe integer.
   */
  randbelow(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`randbelow needs a positive safe integer, got ${n}`);
    const k = bitLength(n);
    if (k <= 32) {
      let r = this.smallRandbits(k);
      while (r >= n) r = this.smallRandbits(k);
      return r;
    }
    const limit = BigInt(n);
    let r = this.getrandbits(k);
    while (r >= limit) r = this.getrandbits(k);
    return Number(r);
  }

  /**
   * `random.sample(population, k)`: k distinct items in selection order. Like CPython it keeps a
   * copy of the pool and swaps picks out when `n <= setsize` (21, plus `4**ceil(log(3k, 4))` when
   * k > 5), and otherwise redraws indices already taken; the two branches consume the stream
   * differently, so both are reproduced.
   */
  sample<T>(population: readonly T[], k: number): T[] {
    const n = population.length;
    if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError('Sample larger than population or is negative');
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    const result: T[] = [];
    if (n <= setsize) {
      const pool = population.slice();
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        result.push(pool[j] as T);
        pool[j] = pool[n - i - 1] as T;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result.push(population[j] as T);
      }
    }
    return result;
  }

  /**
   * `random.shuffle(x)` in place: for i from `len(x) - 1` down to 1, swap `x[i]` with
   * `x[_randbelow(i + 1)]` (CPython 3.11; earlier versions take the same path when no `random`
   * argument is given).
   */
  shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.randbelow(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
  }

  /** `random.choice(seq)`: `seq[_randbelow(len(seq))]`; an empty sequence throws, as CPython does. */
  choice<T>(seq: readonly T[]): T {
    if (seq.length === 0) throw new RangeError('Cannot choose from an empty sequence');
    return seq[this.randbelow(seq.length)] as T;
  }

  /**
   * `random.gauss(mu, sigma)` (CPython 3.11 `Lib/random.py`): Box-Muller on two `random()` draws,
   * `x2pi = random() * 2π`, `g2rad = sqrt(-2 * log(1 - random()))`; it returns
   * `mu + cos(x2pi) * g2rad * sigma` and keeps `sin(x2pi) * g2rad` for the next call, which then
   * draws nothing. The draws are bit-exact; `Math.log`, `Math.cos` and `Math.sin` are V8's fdlibm,
   * which differ from the C library CPython calls (glibc) in the last bit for a few percent of
   * inputs, so a result can be one or two units in the last place off CPython's.
   */
  gauss(mu = 0, sigma = 1): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * TWO_PI;
      const g2rad = Math.sqrt(-2 * Math.log(1 - this.random()));
      z = Math.cos(x2pi) * g2rad;
      this.gaussNext = Math.sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  private smallRandbits(k: number): number {
    // CPython 3.9+ returns 0 for k = 0 without drawing.
    if (k === 0) return 0;
    return this.nextUint32() >>> (32 - k);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] as number;
      mt[i] = (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + i) >>> 0;
    }
    this.mti = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] as number;
      mt[i] = ((((mt[i] as number) ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1664525)) >>> 0) + (key[j] as number) + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] as number;
      mt[i] = ((((mt[i] as number) ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1566083941)) >>> 0) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
    }
    mt[0] = UPPER_MASK;
  }

  private nextUint32(): number {
    const mt = this.mt;
    if (this.mti >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = ((mt[kk] as number) & UPPER_MASK) | ((mt[kk + 1] as number) & LOWER_MASK);
        mt[kk] = (mt[kk + M] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = ((mt[kk] as number) & UPPER_MASK) | ((mt[kk + 1] as number) & LOWER_MASK);
        mt[kk] = (mt[kk + (M - N)] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      const y = ((mt[N - 1] as number) & UPPER_MASK) | ((mt[0] as number) & LOWER_MASK);
      mt[N - 1] = (mt[M - 1] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

/** Python's `int.bit_length()` for a positive safe integer. */
function bitLength(n: number): number {
  return n < 2 ** 32 ? 32 - Math.clz32(n) : 32 + bitLength(Math.floor(n / 2 ** 32));
}
