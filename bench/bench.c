/*
 * bench.c - side-by-side timings for `make bench`: for each project, the
 * full lint (all rules, SARIF output, as a separate process) against
 * jansson's json_load_file alone on the same agentcore.json, best of
 * RUNS (of 4 * RUNS under 2 MiB), and the lint's peak resident memory
 * against the file's size.
 *
 * With "-- COMMAND ARG..." after the projects, also times that command
 * (the AgentCore CLI's schema check) against a full lint of the first
 * project, both as whole processes, best of 4 * RUNS, wall and CPU time.
 *
 * usage: bench LINTER RUNS PROJECT... [-- COMMAND ARG...]
 */
#include <fcntl.h>
#include <jansson.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
seconds(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* Runs argv once with its output thrown away; returns wall seconds (-1
 * when it fails) and sets *cpu (user + system seconds) and *rss_kb.
 * posix_spawn, not fork: this process has held a 27 MiB parse, and
 * copying its page tables would be timed as part of the child. */
static double
run_once(char *const *argv, double *cpu, long *rss_kb)
{
    posix_spawn_file_actions_t fa;
    struct rusage ru;
    double t0;
    int status, rc;
    pid_t pid;

    if (posix_spawn_file_actions_init(&fa) != 0)
        return -1;
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    t0 = now();
    rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0 || wait4(pid, &status, 0, &ru) < 0)
        return -1;
    *rss_kb = ru.ru_maxrss;
    *cpu = seconds(ru.ru_utime) + seconds(ru.ru_stime);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return now() - t0;
}

/* A full lint: every rule, SARIF output. */
static double
lint_once(const char *bin, const char *project, double *cpu, long *rss_kb)
{
    char *argv[] = {(char *)bin,     "-f", "sarif", "--fail-on", "none",
                    (char *)project, NULL};

    return run_once(argv, cpu, rss_kb);
}

/* json_load_file alone, timed in a child process: this process stays
 * small, so its memory never counts in a linter's peak RSS (a spawned
 * child starts out sharing it). */
static double
load_once(const char *file)
{
    double t = -1;
    int fd[2], status;
    pid_t pid;

    if (pipe(fd) != 0)
        return -1;
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        json_error_t err;
        double t0 = now();
        json_t *v = json_load_file(file, 0, &err);

        t = v != NULL ? now() - t0 : -1;
        json_decref(v);
        _exit(write(fd[1], &t, sizeof t) == (ssize_t)sizeof t ? 0 : 1);
    }
    close(fd[1]);
    if (pid < 0 || read(fd[0], &t, sizeof t) != (ssize_t)sizeof t)
        t = -1;
    close(fd[0]);
    if (pid > 0)
        waitpid(pid, &status, 0);
    return t;
}

/* A project's row name: its folder's name. */
static const char *
name_of(const char *project)
{
    const char *slash = strrchr(project, '/');

    return slash != NULL && slash[1] != '\0' ? slash + 1 : project;
}

static void
bench_project(const char *bin, int runs, const char *project)
{
    char file[4096];
    struct stat st;
    double lint = 1e9, load = 1e9, mb, cpu;
    long rss = 0, r = 0;
    int i;

    snprintf(file, sizeof file, "%s/agentcore/agentcore.json", project);
    if (stat(file, &st) != 0) {
        fprintf(stderr, "bench: %s: missing\n", file);
        return;
    }
    mb = (double)st.st_size / (1024.0 * 1024.0);
    if (mb < 2)
        runs *= 4; /* short runs: more of them, or noise decides */
    for (i = 0; i < runs; i++) {
        double t = lint_once(bin, project, &cpu, &r), u = load_once(file);

        if (t >= 0 && t < lint)
            lint = t;
        if (u >= 0 && u < load)
            load = u;
        if (r > rss)
            rss = r;
    }
    printf("%-28s %9.2f %10.1f %10.1f %7.2f %10.1f %9.1f %7.2f\n",
           name_of(project), mb, lint * 1000, load * 1000, lint / load,
           lint * 1000 / mb, (double)rss / 1024.0, (double)rss / 1024.0 / mb);
}

/* The reference command against the lint of the same project: all runs
 * of one and then all of the other, as hyperfine does, so that neither
 * runs with the caches the other has just filled. */
static int
compare(const char *bin, int runs, const char *project, char *const *cmd)
{
    double best[2] = {1e9, 1e9}, best_cpu[2] = {1e9, 1e9}, t, cpu;
    long rss;
    int i, k;

    for (k = 0; k < 2; k++) {
        for (i = 0; i < runs; i++) {
            t = k == 0 ? run_once(cmd, &cpu, &rss)
                       : lint_once(bin, project, &cpu, &rss);
            if (t < 0) {
                fprintf(stderr, "bench: %s failed\n", k == 0 ? cmd[0] : bin);
                return 1;
            }
            if (t < best[k])
                best[k] = t;
            if (cpu < best_cpu[k])
                best_cpu[k] = cpu;
        }
    }
    printf("\n%-28s %10s %10s\n", name_of(project), "wall ms", "CPU ms");
    printf("%-28s %10.2f %10.2f\n", "  AgentCore CLI schema check",
           best[0] * 1000, best_cpu[0] * 1000);
    printf("%-28s %10.2f %10.2f\n", "  agentcore-lint, SARIF", best[1] * 1000,
           best_cpu[1] * 1000);
    printf("%-28s %9.0fx %9.0fx\n", "  agentcore-lint faster by",
           best[0] / best[1], best_cpu[1] > 0 ? best_cpu[0] / best_cpu[1] : 0);
    return 0;
}

int
main(int argc, char **argv)
{
    int runs, i, nproj;

    if (argc < 4) {
        fprintf(stderr,
                "usage: bench LINTER RUNS PROJECT... [-- COMMAND...]\n");
        return 2;
    }
    runs = atoi(argv[2]);
    if (runs < 1)
        runs = 1;
    for (nproj = 0; 3 + nproj < argc && strcmp(argv[3 + nproj], "--") != 0;)
        nproj++;
    printf("%-28s %9s %10s %10s %7s %10s %9s %7s\n", "project", "MiB",
           "lint ms", "parse ms", "ratio", "ms/MiB", "RSS MiB", "RSS/MiB");
    for (i = 0; i < nproj; i++)
        bench_project(argv[1], runs, argv[3 + i]);
    if (3 + nproj + 1 < argc && nproj > 0)
        return compare(argv[1], runs * 4, argv[3], argv + 3 + nproj + 1);
    return 0;
}
