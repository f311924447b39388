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

/// A pipe whose ends are close-on-exec and above the standard descriptors: `ends[0]` reads,
/// `ends[1]` writes. Returns 0, or an `errno` value with nothing left open.
int pg_pipe(int ends[2]);

/// Starts `path` with `argv` (NULL-terminated) and the runner's environment, with
/// `descriptors[i]` as the child's descriptor `i` for `i < count` and no other descriptor of the
/// runner's; signals as `pg_spawn_child` leaves them. The caller keeps and closes its
/// `descriptors`. Returns 0 and sets `*pid`, or an `errno` value with no child behind.
int pg_spawn_with_descriptors(const char *path, char *const argv[], const int *descriptors, int count,
                              pid_t *pid);

/// A close-on-exec descriptor of an empty file that exists only while a descriptor or a mapping
/// of it does (`memfd_create` on Linux, else a file unlinked as soon as it is made), so that
/// nothing of it outlives its processes, even after `kill -9`. Returns it, or minus an `errno`.
int pg_shared_memory(void);

#endif
