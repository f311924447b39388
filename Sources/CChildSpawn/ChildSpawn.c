#define _GNU_SOURCE
#include "CChildSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
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
    posix_spawnattr_t attributes;
    int actions_ready = 0, attributes_ready = 0;
    if ((error = posix_spawn_file_actions_init(&actions)) != 0) goto done;
    actions_ready = 1;
    if ((error = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)) != 0) goto done;
    if ((error = posix_spawn_file_actions_adddup2(&actions, out[1], 1)) != 0) goto done;
    if ((error = posix_spawn_file_actions_adddup2(&actions, err[1], 2)) != 0) goto done;
    if (directory != NULL && (error = posix_spawn_file_actions_addchdir_np(&actions, directory)) != 0) goto done;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    // Descriptors the runner opened without close-on-exec (or that a library did) stay its own.
    if ((error = posix_spawn_file_actions_addclosefrom_np(&actions, 3)) != 0) goto done;
#endif

    if ((error = posix_spawnattr_init(&attributes)) != 0) goto done;
    attributes_ready = 1;
    // The runner ignores or catches SIGPIPE, SIGINT, SIGTERM and SIGUSR1, and its worker
    // threads may block signals: the child starts as a shell would start it.
    sigset_t defaults, mask;
    sigemptyset(&defaults);
    for (int number = 1; number < NSIG; number++) {
        if (number != SIGKILL && number != SIGSTOP) sigaddset(&defaults, number);
    }
    sigemptyset(&mask);
    if ((error = posix_spawnattr_setsigdefault(&attributes, &defaults)) != 0) goto done;
    if ((error = posix_spawnattr_setsigmask(&attributes, &mask)) != 0) goto done;
    short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
#ifdef POSIX_SPAWN_CLOEXEC_DEFAULT
    flags |= POSIX_SPAWN_CLOEXEC_DEFAULT;  // Darwin's way of closing the others
#endif
    if ((error = posix_spawnattr_setflags(&attributes, flags)) != 0) goto done;

    error = posix_spawn(pid, path, &actions, &attributes, argv, environ);

done:
    if (attributes_ready) posix_spawnattr_destroy(&attributes);
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
