#ifndef C_CHILD_SPAWN_H
#define C_CHILD_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` (NULL-terminated, `argv[0]` first) and the runner's environment,
/// in `directory` (NULL: the runner's), standard input from `/dev/null` and both outputs to
/// new pipes; every signal the runner catches or ignores is back at its default in the child,
/// none is blocked, and no other descriptor of the runner's is inherited. No thread is
/// created and nothing is allocated beyond what `posix_spawn` itself needs; the parent holds
/// four new descriptors while starting the child (one more when a standard descriptor was
/// closed), two once it returns.
///
/// On success returns 0 and sets `*pid` and the read ends `*stdout_fd` and `*stderr_fd`
/// (close-on-exec), which the caller reads and closes. On failure returns an `errno` value
/// (`EMFILE` without descriptors for the pipes, `ENOMEM`, `ENOENT` for a missing executable
/// or directory, ...) and leaves no descriptor open and no child behind.
int pg_spawn_child(const char *path, char *const argv[], const char *directory,
                   pid_t *pid, int *stdout_fd, int *stderr_fd);

#endif
