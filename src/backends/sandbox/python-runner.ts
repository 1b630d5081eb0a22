/**
 * The file descriptor on which the runner reports to evalforge, one record a line: `started` once
 * python is up, then `result <hex>` with the result string's UTF-8 bytes in hex (no json import:
 * it would cost every program 5 ms of start-up).
 */
export const RECORD_FD = 3;

/** Result strings longer than this are cut by the runner (the verdict word always survives). */
export const RESULT_MESSAGE_LIMIT = 4096;

/**
 * Python source (run with `python3 -I -c <source> <program path> <timeout seconds>`) that executes
 * one program the way bigcode-evaluation-harness `check_correctness` / openai human-eval
 * `unsafe_execute` do, so a program passes or fails here exactly when it does there:
 * - the program text is `exec`'d into a fresh, empty globals dict (so `__name__` is `builtins` and an
 *   `if __name__ == "__main__":` block does not run), with the working directory an empty temp dir;
 * - first the reference's `reliability_guard()` takes effect: `exit`, `quit` and `help` become None,
 *   `OMP_NUM_THREADS=1`, the listed `os`, `shutil` and `subprocess` functions become None and
 *   `ipdb joblib resource psutil tkinter` cannot be imported;
 * - stdout and stderr go to a write-only in-memory buffer and stdin reads raise `OSError`;
 * - SIGALRM after `timeout` seconds raises `TimeoutException` (an `Exception`, so a bare `except`
 *   in the program can swallow it, as in the reference);
 * - the result string is `passed`, `timed out`, or `failed: ` + `str(e)` for any `BaseException`
 *   (`SystemExit` from `sys.exit()` included); if formatting the exception itself raises, nothing is
 *   reported, as the reference then records nothing.
 * The result goes to fd 3 before anything else happens, then the failure's traceback to stderr for
 * the log (`traceback` is imported only then, to keep start-up short), then the process ends with
 * `os._exit` (0 when passed, else 1) so lingering threads cannot hold it up: the reference also has
 * its verdict once the `exec` returns. Every descriptor above 3 (bwrap's info fd among them) is
 * closed before the program runs.
 */
export const PYTHON_RUNNER_SOURCE = `
import builtins, contextlib, faulthandler, io, os, signal, sys

RECORD_FD = ${RECORD_FD}
MESSAGE_LIMIT = ${RESULT_MESSAGE_LIMIT}


def report(line):
    os.write(RECORD_FD, line.encode() + b"\\n")


class TimeoutException(Exception):
    pass


class WriteOnlyBuffer(io.StringIO):
    def read(self, *args, **kwargs):
        raise OSError

    def readline(self, *args, **kwargs):
        raise OSError

    def readlines(self, *args, **kwargs):
        raise OSError

    def readable(self, *args, **kwargs):
        return False


class redirect_stdin(contextlib._RedirectStream):
    _stream = "stdin"


@contextlib.contextmanager
def swallowed_io():
    sink = WriteOnlyBuffer()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink), redirect_stdin(sink):
        yield


@contextlib.contextmanager
def time_limit(seconds):
    def on_alarm(signum, frame):
        raise TimeoutException("Timed out!")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def disable_destructive_functions():
    import shutil, subprocess

    faulthandler.disable()
    builtins.exit = None
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in (
        "kill system putenv remove removedirs rmdir fchdir setuid fork forkpty killpg rename renames"
        " truncate replace unlink fchmod fchown chmod chown chroot lchflags lchmod lchown getcwd chdir"
    ).split():
        setattr(os, name, None)
    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None
    subprocess.Popen = None
    builtins.help = None
    for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[name] = None


def main():
    program_path, timeout = sys.argv[1], float(sys.argv[2])
    os.closerange(RECORD_FD + 1, os.sysconf("SC_OPEN_MAX"))
    report("started")
    with open(program_path, encoding="utf-8", newline="") as source:
        program = source.read()
    disable_destructive_functions()
    failure = None
    try:
        with swallowed_io():
            with time_limit(timeout):
                exec(program, {})
        result = "passed"
    except TimeoutException:
        result = "timed out"
    except BaseException as e:
        failure = e
        try:
            result = f"failed: {e}"
        except BaseException:
            result = None
    if result is not None:
        report("result " + result[:MESSAGE_LIMIT].encode("utf-8", "backslashreplace").hex())
    if failure is not None:
        try:
            import traceback

            traceback.print_exception(type(failure), failure, failure.__traceback__, file=sys.__stderr__)
            sys.__stderr__.flush()
        except BaseException:
            pass
    os._exit(0 if result == "passed" else 1)


main()
`;
