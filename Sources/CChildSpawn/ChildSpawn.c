#define _GNU_SOURCE
#include "CChildSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

extern char **environ;

/// A pipe whose ends are close-on-exec and above the standard descriptors, so that the
/// child's `dup2`s onto 0, 1 and 2 never overwrite one another (a runner started with a
/// standard descriptor closed gets those numbers back from `pipe`).
static int pipe_above_standard(int ends[2]) {
#ifdef __linux__
    if (pipe2(ends, O_CLOEXEC) != 0) return errno;
#else
    if (pipe(ends) != 0) return errno;
    fcntl(ends[0], F_SETFD, FD_CLOEXEC);
    fcntl(ends[1], F_SETFD, FD_CLOEXEC);
#endif
    for (int i = 0; i < 2; i++) {
        if (ends[i] > 2) continue;
        int moved = fcntl(ends[i], F_DUPFD_CLOEXEC, 3);
        if (moved < 0) {
            int error = errno;
            close(ends[0]);
            close(ends[1]);
            return error;
        }
        close(ends[i]);
        ends[i] = moved;
    }
    return 0;
}

/// Initializes `attributes` so that the child starts as a shell would start it: the runner
/// ignores or catches SIGPIPE, SIGINT, SIGTERM and SIGUSR1, and its worker threads may block
/// signals, so every signal goes back to its default and none is blocked. On failure returns
/// an `errno` value and leaves `attributes` destroyed.
static int init_shell_like_attributes(posix_spawnattr_t *attributes) {
    int error = posix_spawnattr_init(attributes);
    if (error != 0) return error;
    sigset_t defaults, mask;
    sigemptyset(&defaults);
    for (int number = 1; number < NSIG; number++) {
        if (number != SIGKILL && number != SIGSTOP) sigaddset(&defaults, number);
    }
    sigemptyset(&mask);
    short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
#ifdef POSIX_SPAWN_CLOEXEC_DEFAULT
    flags |= POSIX_SPAWN_CLOEXEC_DEFAULT;  // Darwin's way of closing the others
#endif
    if ((error = posix_spawnattr_setsigdefault(attributes, &defaults)) != 0
        || (error = posix_spawnattr_setsigmask(attributes, &mask)) != 0
        || (error = posix_spawnattr_setflags(attributes, flags)) != 0) {
        posix_spawnattr_destroy(attributes);
    }
    return error;
}

/// Closes every descriptor from `lowest` up in the child (glibc 2.34's action; Darwin closes
/// them through POSIX_SPAWN_CLOEXEC_DEFAULT), then starts `path` with `actions` and shell-like
/// signals. Returns 0 or an `errno` value.
static int spawn_shell_like(const char *path, char *const argv[], posix_spawn_file_actions_t *actions,
                            int lowest, pid_t *pid) {
    int error = 0;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    // Descriptors the runner opened without close-on-exec (or that a library did) stay its own.
    if ((error = posix_spawn_file_actions_addclosefrom_np(actions, lowest)) != 0) return error;
#else
    (void)lowest;
#endif
    posix_spawnattr_t attributes;
    if ((error = init_shell_like_attributes(&attributes)) != 0) return error;
    error = posix_spawn(pid, path, actions, &attributes, argv, environ);
    posix_spawnattr_destroy(&attributes);
    return error;
}

int pg_spawn_child(const char *path, char *const argv[], const char *directory,
                   pid_t *pid, int *stdout_fd, int *stderr_fd) {
    int out[2], err[2];
    int error = pipe_above_standard(out);
    if (error != 0) return error;
    error = pipe_above_standard(err);
    if (error != 0) {
        close(out[0]);
        close(out[1]);
        return error;
    }

    posix_spawn_file_actions_t actions;
    int actions_ready = 0;
    if ((error = posix_spawn_file_actions_init(&actions)) != 0) goto done;
    actions_ready = 1;
    if ((error = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)) != 0) goto done;
    if ((error = posix_spawn_file_actions_adddup2(&actions, out[1], 1)) != 0) goto done;
    if ((error = posix_spawn_file_actions_adddup2(&actions, err[1], 2)) != 0) goto done;
    if (directory != NULL && (error = posix_spawn_file_actions_addchdir_np(&actions, directory)) != 0) goto done;
    error = spawn_shell_like(path, argv, &actions, 3, pid);

done:
    if (actions_ready) posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    if (error != 0) {
        close(out[0]);
        close(err[0]);
        return error;
    }
    *stdout_fd = out[0];
    *stderr_fd = err[0];
    return 0;
}

int pg_pipe(int ends[2]) { return pipe_above_standard(ends); }

int pg_spawn_with_descriptors(const char *path, char *const argv[], const int *descriptors, int count,
                              pid_t *pid) {
    // Each source moves above the targets first, so that no `dup2` overwrites a source another
    // still needs, and no source is its own target (whose close-on-exec flag would then stay).
    int moved[count];
    int ready = 0, error = 0;
    for (; ready < count; ready++) {
        moved[ready] = fcntl(descriptors[ready], F_DUPFD_CLOEXEC, count);
        if (moved[ready] < 0) {
            error = errno;
            break;
        }
    }

    posix_spawn_file_actions_t actions;
    int actions_ready = 0;
    if (error != 0) goto done;
    if ((error = posix_spawn_file_actions_init(&actions)) != 0) goto done;
    actions_ready = 1;
    for (int target = 0; target < count; target++) {
        if ((error = posix_spawn_file_actions_adddup2(&actions, moved[target], target)) != 0) goto done;
    }
    error = spawn_shell_like(path, argv, &actions, count, pid);

done:
    if (actions_ready) posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < ready; i++) close(moved[i]);
    return error;
}

int pg_shared_memory(void) {
#ifdef __linux__
    int memory = memfd_create("runner-shared-memory", MFD_CLOEXEC);
    if (memory >= 0 || errno != ENOSYS) return memory >= 0 ? memory : -errno;
#endif
    // Without memfd_create: a file unlinked at once, which lives only as long as a descriptor.
    const char *folder = getenv("TMPDIR");
    char path[4096];
    int length = snprintf(path, sizeof path, "%s/runner-shared-memory-XXXXXX",
                          folder != NULL && folder[0] != '\0' ? folder : "/tmp");
    if (length < 0 || (size_t)length >= sizeof path) return -ENAMETOOLONG;
    int descriptor = mkstemp(path);
    if (descriptor < 0) return -errno;
    unlink(path);
    fcntl(descriptor, F_SETFD, FD_CLOEXEC);
    return descriptor;
}
