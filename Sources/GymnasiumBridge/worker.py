"""Steps copies of one Gymnasium environment for the runner, through shared memory.

The runner starts this file as `python3 -c <source> <runner pid>` (the source is compiled into
the runner, so it needs no checkout), with these descriptors:
  0  commands from the runner, one JSON object a line; end of file: exit
  1, 2  free output (drained by the runner, whose last lines go into its error messages)
  3  the shared memory: an empty memfd (or unlinked file) that this worker sizes and maps
  4  replies to the runner, one JSON object a line

Protocol, memory layout and autoreset: docs/environments.md, "Gymnasium environments in worker
processes: the transport". Needs the standard library, NumPy and Gymnasium only. A first line
`{"command": "list", ...}` instead asks for the registered ids, answered before the worker exits.
"""

import base64
import json
import mmap
import os
import pickle
import platform
import sys
import traceback

COMMANDS, MEMORY, REPLIES = 0, 3, 4
PROTOCOL = 1
# The step command and the success reply, byte for byte as the runner writes and expects them.
STEP = b'{"command":"step"}\n'
OK = b'{"ok":true}\n'


class Failure(Exception):
    """A reply that reports why a command could not be done."""

    def __init__(self, kind, message, **fields):
        super().__init__(message)
        self.reply = dict(ok=False, kind=kind, message=message, **fields)


def die_with(parent):
    """Asks Linux to kill this worker when the runner dies (PR_SET_PDEATHSIG), so that a worker
    stuck inside an environment's `step` never outlives it; exits if the runner is already gone.
    Ctrl-C reaches the whole process group: the runner, which catches it, decides for its workers."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except Exception:
            pass  # the end of file on the commands is then the only link
    if os.getppid() != parent:
        os._exit(0)


def send(reply):
    write_all((json.dumps(reply, allow_nan=False) + "\n").encode())


def write_all(data):
    while data:
        data = data[os.write(REPLIES, data):]


def exact(value):
    """A float as text that reads back to the same double (JSON has no infinities)."""
    return repr(float(value))


def version_of(name):
    try:
        from importlib import metadata

        return metadata.version(name)
    except Exception:
        module = sys.modules.get(name)
        return str(getattr(module, "__version__", "unknown"))


def import_module(name):
    """Imports `name`; a missing module or a failing import becomes a Failure."""
    import importlib

    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        raise Failure("missing_module", str(error), module=error.name or name,
                      traceback=traceback.format_exc())
    except BaseException as error:
        raise Failure("import_failed", f"importing {name} raised {type(error).__name__}: {error}",
                      module=name, traceback=traceback.format_exc())


class Space:
    """One Box or Discrete space, flattened: `size` float64 values a copy (observations) or
    `size` values a copy (actions: int64 for Discrete, float64 for Box)."""

    def __init__(self, space, role, np, gym):
        self.space = space
        if isinstance(space, gym.spaces.Discrete):
            self.discrete = True
            self.size = 1
            self.start = int(space.start)
            self.description = dict(type="Discrete", n=int(space.n), start=self.start)
        elif isinstance(space, gym.spaces.Box):
            self.discrete = False
            self.shape = tuple(int(n) for n in space.shape)
            self.size = int(np.prod(self.shape, dtype=np.int64))
            self.dtype = space.dtype
            self.low = np.asarray(space.low, dtype=np.float64).reshape(-1)
            self.high = np.asarray(space.high, dtype=np.float64).reshape(-1)
            self.description = dict(type="Box", shape=list(self.shape), dtype=str(space.dtype),
                                    low=[exact(x) for x in self.low], high=[exact(x) for x in self.high])
        else:
            raise Failure("unsupported_space",
                          f"the {role} space is {type(space).__name__} ({space}); only Box and Discrete are supported",
                          role=role, space=type(space).__name__)


class Worker:
    """The copies, their spaces and the views of the shared memory."""

    def __init__(self, config):
        sys.path[:0] = config.get("search_paths", [])
        np = import_module("numpy")
        gym = import_module("gymnasium")
        imported = [import_module(name) for name in config.get("imports", [])]
        self.np = np
        self.id = config["id"]
        copies = int(config["copies"])
        self.kwargs = dict(config.get("kwargs", {}))
        if config.get("max_episode_steps") is not None:
            self.kwargs["max_episode_steps"] = int(config["max_episode_steps"])
        self.envs = []
        try:
            for _ in range(copies):
                self.envs.append(gym.make(self.id, **self.kwargs))
        except (getattr(gym.error, "UnregisteredEnv", ()), getattr(gym.error, "DeprecatedEnv", ())) as error:
            raise Failure("unknown_environment", str(error), traceback=traceback.format_exc())
        except BaseException as error:
            raise Failure("make_failed", f"gymnasium.make({self.id!r}) raised {type(error).__name__}: {error}",
                          traceback=traceback.format_exc())
        first = self.envs[0]
        self.observation = Space(first.observation_space, "observation", np, gym)
        self.action = Space(first.action_space, "action", np, gym)

        packages = {"numpy": np.__version__, "gymnasium": gym.__version__}
        entry = getattr(gym.spec(self.id), "entry_point", None)
        origin = entry.split(":")[0] if isinstance(entry, str) else getattr(entry, "__module__", "")
        for name in [origin.split(".")[0]] + [m.__name__.split(".")[0] for m in imported] + ["mujoco", "Box2D"]:
            if name and name in sys.modules and name not in packages:
                packages[name] = version_of(name)
        self.copyable = self.state_copy_works(gym, config) if config.get("check_state_copy") else None
        self.handshake = dict(ok=True, protocol=PROTOCOL, pid=os.getpid(), python=platform.python_version(),
                              state_copy=self.copyable,
                              packages=packages, max_episode_steps=getattr(first.spec, "max_episode_steps", None),
                              observation_space=self.observation.description,
                              action_space=self.action.description)
        self.map_memory(copies)

    def capture(self, env):
        """A copy's whole state as bytes: the wrapped environment pickled (wrappers' counters
        included), the generator Gymnasium seeds, and for MuJoCo the integration state through
        MuJoCo's own interface (its environments pickle as constructor arguments only)."""
        base = env.unwrapped
        state = {"env": pickle.dumps(env),
                 "np_random": None if base._np_random is None else base._np_random.bit_generator.state}
        mujoco = sys.modules.get("mujoco")
        if mujoco is not None and isinstance(getattr(base, "data", None), mujoco.MjData):
            spec = mujoco.mjtState.mjSTATE_INTEGRATION
            physics = self.np.empty(mujoco.mj_stateSize(base.model, spec))
            mujoco.mj_getState(base.model, base.data, physics, spec)
            state["mujoco"] = physics
        return pickle.dumps(state)

    def restore(self, blob, keep_random_of=None):
        """The environment `capture` described; with `keep_random_of`, that environment's
        generator goes on in it instead of the captured one."""
        state = pickle.loads(blob)
        env = pickle.loads(state["env"])
        base = env.unwrapped
        if "mujoco" in state:
            import mujoco

            mujoco.mj_setState(base.model, base.data, state["mujoco"], mujoco.mjtState.mjSTATE_INTEGRATION)
        random = state["np_random"]
        if keep_random_of is not None and keep_random_of.unwrapped._np_random is not None:
            random = keep_random_of.unwrapped._np_random.bit_generator.state
        if random is not None:
            base.np_random = self.np.random.Generator(getattr(self.np.random, random["bit_generator"])())
            base.np_random.bit_generator.state = random
        return env

    def state_copy_works(self, gym, config):
        """Whether `capture` and `restore` copy this environment: a copy made after a few steps
        must take the same next steps as the original, bit for bit."""
        try:
            original = gym.make(self.id, **self.kwargs)
            original.reset(seed=12345)
            original.action_space.seed(12345)
            for _ in range(3):
                original.step(original.action_space.sample())
            clone = self.restore(self.capture(original))
            for _ in range(5):
                action = original.action_space.sample()
                a, b = original.step(action), clone.step(action)
                if not (self.np.array_equal(a[0], b[0]) and a[1:4] == b[1:4]):
                    return False
                if a[2] or a[3]:
                    break
            original.close()
            clone.close()
            return True
        except Exception:
            return False

    def save_copies(self):
        return [base64.b64encode(self.capture(env)).decode("ascii") for env in self.envs]

    def load_copies(self, states, keep_random):
        if len(states) != len(self.envs):
            raise Failure("protocol", f"{len(states)} states for {len(self.envs)} copies")
        for i, text in enumerate(states):
            old = self.envs[i]
            self.envs[i] = self.call(i, "load_copies", lambda: self.restore(
                base64.b64decode(text), keep_random_of=old if keep_random else None))
            try:
                old.close()
            except Exception:
                pass

    def map_memory(self, k):
        """Sizes and maps the shared memory; the layout is documented with the protocol."""
        np, m, d = self.np, self.observation.size, self.action.size
        total = 8 * (k * d + 2 * k * m + k) + 2 * k
        os.ftruncate(MEMORY, total)
        self.memory = mmap.mmap(MEMORY, total)
        self.handshake["memory_bytes"] = total

        def view(dtype, count, offset):
            return np.frombuffer(self.memory, dtype=dtype, count=count, offset=offset)

        offset = 0
        self.actions = view(np.int64 if self.action.discrete else np.float64, k * d, offset).reshape(k, d)
        offset += 8 * k * d
        self.observations = view(np.float64, k * m, offset).reshape(k, m)
        offset += 8 * k * m
        self.final_observations = view(np.float64, k * m, offset).reshape(k, m)
        offset += 8 * k * m
        self.rewards = view(np.float64, k, offset)
        offset += 8 * k
        self.terminated = view(np.uint8, k, offset)
        self.truncated = view(np.uint8, k, offset + k)

    def flat(self, observation):
        return self.np.asarray(observation, dtype=self.np.float64).reshape(-1)

    def reset(self, seeds):
        if len(seeds) != len(self.envs):
            raise Failure("protocol", f"{len(seeds)} seeds for {len(self.envs)} copies")
        for i, (env, seed) in enumerate(zip(self.envs, seeds)):
            observation, _ = self.call(i, "reset", lambda: env.reset(seed=None if seed is None else int(seed)))
            self.observations[i] = self.flat(observation)
        self.final_observations[:] = 0
        self.rewards[:] = 0
        self.terminated[:] = 0
        self.truncated[:] = 0

    def step(self):
        """Steps every copy with its action row; the hot loop, so it keeps to local names."""
        np, action, envs = self.np, self.action, self.envs
        actions, observations, final_observations = self.actions, self.observations, self.final_observations
        rewards, terminated_flags, truncated_flags = self.rewards, self.terminated, self.truncated
        for i, env in enumerate(envs):
            if action.discrete:
                chosen = int(actions[i, 0]) + action.start
            else:
                # Stable-Baselines3 clips to the bounds before `step`; the policy keeps its own.
                # (minimum of maximum is np.clip, NaN included, at a third of its cost on a row.)
                chosen = np.minimum(np.maximum(actions[i], action.low), action.high)
                chosen = chosen.astype(action.dtype).reshape(action.shape)
            try:
                observation, reward, terminated, truncated, _ = env.step(chosen)
            except BaseException as error:
                raise self.raised(i, "step", error)
            rewards[i] = float(reward)
            terminated_flags[i] = bool(terminated)
            truncated_flags[i] = bool(truncated)
            if terminated or truncated:
                self.store(final_observations, i, observation)
                try:
                    observation, _ = env.reset()
                except BaseException as error:
                    raise self.raised(i, "reset", error)
            self.store(observations, i, observation)

    def store(self, rows, i, observation):
        """`rows[i] = observation` flattened to float64; a flat observation is assigned as it is."""
        try:
            rows[i] = observation
        except ValueError:
            rows[i] = self.flat(observation)

    def unwrapped(self, copy):
        if not isinstance(copy, int) or not 0 <= copy < len(self.envs):
            raise Failure("protocol", f"no copy {copy!r} of {len(self.envs)}")
        return self.envs[copy].unwrapped

    def get_state(self, copy):
        """`env.unwrapped.state` of one copy, flattened to float64, each value as `exact` text."""
        env = self.unwrapped(copy)
        if not hasattr(env, "state"):
            raise Failure("no_state", f"{self.id} has no `state` attribute to read", copy=copy)
        values = self.call(copy, "get_state", lambda: self.np.asarray(env.state, dtype=self.np.float64).reshape(-1))
        return [exact(x) for x in values]

    def set_state(self, copy, values):
        """`env.unwrapped.state = ...`, as a float64 array of the present state's shape (if any)."""
        np, env = self.np, self.unwrapped(copy)
        state = np.array([float(x) for x in values], dtype=np.float64)
        present = getattr(env, "state", None)
        if isinstance(present, np.ndarray):
            if present.size != state.size:
                raise Failure("protocol", f"{len(values)} state values for a state of {present.size}", copy=copy)
            state = state.reshape(present.shape)

        def assign():
            env.state = state

        self.call(copy, "set_state", assign)

    def call(self, copy, during, body):
        try:
            return body()
        except BaseException as error:
            raise self.raised(copy, during, error)

    def raised(self, copy, during, error):
        """The failure reply for `error`, raised by copy `copy` during `during`, with its traceback."""
        return Failure("raised", f"{during} of copy {copy} raised {type(error).__name__}: {error}",
                       during=during, copy=copy, traceback=traceback.format_exc())

    def close(self):
        for env in self.envs:
            try:
                env.close()
            except Exception:
                pass


def registered(config):
    """The reply to `{"command": "list"}`: every id in `gymnasium.registry` after the imports,
    sorted, with its entry point (`module:attribute`, or the callable's qualified name)."""
    sys.path[:0] = config.get("search_paths", [])
    gym = import_module("gymnasium")
    for name in config.get("imports", []):
        import_module(name)
    environments = []
    for id, spec in sorted(gym.registry.items()):
        entry = spec.entry_point
        if not isinstance(entry, str):
            entry = f"{getattr(entry, '__module__', '?')}:{getattr(entry, '__qualname__', repr(entry))}"
        environments.append(dict(id=id, entry_point=entry))
    return dict(ok=True, protocol=PROTOCOL, python=platform.python_version(), gymnasium=gym.__version__,
                environments=environments)


def main():
    die_with(int(sys.argv[1]))
    commands = os.fdopen(COMMANDS, "rb")
    line = commands.readline()
    if not line:
        return
    try:
        config = json.loads(line)
        if config.get("command") == "list":
            send(registered(config))
            return
        worker = Worker(config)
    except Failure as failure:
        send(failure.reply)
        return
    except BaseException as error:
        send(dict(ok=False, kind="raised", during="start", message=f"{type(error).__name__}: {error}",
                  traceback=traceback.format_exc()))
        return
    send(worker.handshake)
    for line in commands:
        if line == STEP:
            # The one command sent every step, answered without JSON either way.
            try:
                worker.step()
            except Failure as failure:
                send(failure.reply)
                continue
            write_all(OK)
            continue
        try:
            command = json.loads(line)
            if command["command"] == "step":
                worker.step()
            elif command["command"] == "reset":
                worker.reset(command["seeds"])
            elif command["command"] == "get_state":
                send(dict(ok=True, state=worker.get_state(command["copy"])))
                continue
            elif command["command"] == "set_state":
                worker.set_state(command["copy"], command["state"])
            elif command["command"] == "save_copies":
                send({"ok": True, "states": worker.save_copies()})
                continue
            elif command["command"] == "load_copies":
                worker.load_copies(command["states"], bool(command.get("keep_random", False)))
            else:
                raise Failure("protocol", f"unknown command {command['command']!r}")
            send({"ok": True})
        except Failure as failure:
            send(failure.reply)
        except BaseException as error:
            send(dict(ok=False, kind="protocol", message=f"{type(error).__name__}: {error}",
                      traceback=traceback.format_exc()))
    worker.close()


if __name__ == "__main__":
    main()
